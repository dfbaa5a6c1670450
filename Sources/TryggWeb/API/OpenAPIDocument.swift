/// The OpenAPI 3.1 description of `/api/v1/`. Written by hand and kept next to the routes it
/// describes; a test checks that every documented path answers.
enum OpenAPIDocument {
    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.1.0",
        "info": [
            "title": "Trygg API",
            "version": "1.0.0",
            "description":
                "JSON-API för Trygg. Autentisering med personlig API-nyckel: `Authorization: Bearer <nyckel>` (skapas med `trygg token create`). All data avgränsas till användarens kommun.",
        ] as [String: Any],
        "servers": [["url": "/api/v1"]],
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "schemas": [
                "Error": object(["error": object(["status": ["type": "integer"], "message": ["type": "string"]])]),
                "Me": object([
                    "email": string, "name": string, "role": string, "organisation": string, "kommun": string,
                    "kommun_code": string,
                ]),
                "Organisation": object(
                    [
                        "id": ["type": "string", "format": "uuid"], "abbreviation": string, "name": string,
                        "kind": ["type": "string", "enum": ["forvaltning", "enhet", "grupp", "extern"]],
                        "name_confirmed": ["type": "boolean"],
                    ],
                    optional: [
                        "retired_on": [
                            "type": "string", "format": "date",
                            "description": "Dagen organisationen avvecklades; saknas för en organisation som finns. Det den gjort står kvar under den.",
                        ]
                    ]),
                "Incident": object(
                    [
                        "id": ["type": "string", "format": "uuid"], "category": string, "category_name": string,
                        "subcategory": string, "occurred_at": ["type": "string", "format": "date-time"],
                        "precision": ["type": "string", "enum": ["exakt", "ungefar", "period"]],
                        "week": ["type": "string", "description": "ISO-vecka i svensk tid, t.ex. 2024-W13"],
                        "area": string, "place": string, "description": string, "source": string,
                    ],
                    optional: [
                        "ended_at": ["type": "string", "format": "date-time", "description": "Periodens slut (precision = period)"],
                        "latitude": ["type": "number", "description": "WGS84; saknas när bara området är känt"],
                        "longitude": ["type": "number", "description": "WGS84"],
                        "organisation": ["type": "string", "description": "Rapporterande organisations förkortning"],
                    ]),
                "NewIncident": [
                    "type": "object",
                    "required": ["category", "occurred_at", "description"],
                    // The place: a point, or an area by name.
                    "anyOf": [["required": ["latitude", "longitude"]], ["required": ["area"]]],
                    "properties": [
                        "category": ["type": "string", "minLength": 1, "description": "Kategorins kod eller svenska namn"],
                        "subcategory": string,
                        "occurred_at": ["type": "string", "minLength": 1, "description": "ISO 8601 med tidszon, eller svensk lokal tid ÅÅÅÅ-MM-DD TT:MM"],
                        "ended_at": ["type": "string", "description": "Periodens slut när precision = period"],
                        "precision": ["type": "string", "enum": ["exakt", "ungefar", "period"]],
                        "latitude": ["type": "number", "minimum": 55, "maximum": 69.1, "description": "WGS84, inom Sverige"],
                        "longitude": ["type": "number", "minimum": 10.9, "maximum": 24.2, "description": "WGS84, inom Sverige"],
                        "area": ["type": "string", "description": "Områdets namn; utelämnas för att hitta området från punkten"],
                        "place": string,
                        "description": [
                            "type": "string", "minLength": 1, "maxLength": 2000,
                            "description": "Inga personuppgifter: personnummer, telefonnummer och e-post avvisas",
                        ],
                    ] as [String: Any],
                ] as [String: Any],
                "Problems": object([
                    "error": object([
                        "status": ["type": "integer"], "message": string,
                        "problems": ["type": "array", "items": object(["field": string, "message": string])],
                    ])
                ]),
            ] as [String: Any],
        ] as [String: Any],
        "security": [["bearer": [String]()]],
        "paths": [
            "/me": get("Den inloggade användaren", schema: ref("Me")),
            "/organisations": get("Kommunens organisationer", schema: ["type": "array", "items": ref("Organisation")]),
            "/areas": get(
                "Kommunens områden som GeoJSON FeatureCollection (WGS84); properties: name, deso_codes, source och retired_on (dagen ett avvecklat område avvecklades, annars null)",
                schema: ["type": "object", "description": "GeoJSON FeatureCollection"]),
            "/incidents": incidents,
            "/incidents/{id}": get(
                "En händelse", schema: ref("Incident"),
                parameters: [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
                errors: ["404": error("Ingen sådan händelse i kommunen (eller rapporterad av någon annan, för en rapportör)")]),
        ] as [String: Any],
    ]

    nonisolated(unsafe) private static let string: [String: Any] = ["type": "string"]
    nonisolated(unsafe) private static let time: [String: Any] = ["anyOf": [["type": "string", "format": "date"], ["type": "string", "format": "date-time"]]]

    /// An object whose fields are all answered (`required`) or may be left out (`optional`), and
    /// nothing else: schemathesis then reports any field the API answers that is not described here.
    private static func object(_ properties: [String: Any], optional: [String: Any] = [:]) -> [String: Any] {
        [
            "type": "object", "properties": properties.merging(optional) { a, _ in a }, "required": Array(properties.keys).sorted(),
            "additionalProperties": false,
        ]
    }

    private static func error(_ description: String, _ schema: String = "Error") -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ref(schema)]]]
    }

    nonisolated(unsafe) private static let unauthorized = error("API-nyckel saknas eller är ogiltig")

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    nonisolated(unsafe) private static let incidents: [String: Any] = {
        var path = get(
            "EST-händelser, nyaste först. Rapportörer ser sina egna; samordnare och analytiker alla.",
            schema: ["type": "array", "items": ref("Incident")],
            parameters: [
                ("from", "Från och med (ÅÅÅÅ-MM-DD eller ISO 8601)", time), ("to", "Till (exklusive)", time),
                ("area", "Områdets namn", string), ("category", "Kategorins kod eller namn", string),
                ("organisation", "Rapporterande organisations förkortning", string),
                ("q", "Ord som platsen eller beskrivningen innehåller; versaler spelar ingen roll (högst 100 tecken)", ["type": "string", "maxLength": 100]),
                ("limit", "Högst så många (standard 100)", ["type": "integer", "minimum": 1, "maximum": 1000]),
                ("offset", "Hoppa över så många", ["type": "integer", "minimum": 0]),
            ].map {
                ["name": $0.0, "in": "query", "required": false, "description": $0.1, "schema": $0.2]
            },
            errors: ["400": error("En parameter går inte att tolka (tidpunkt, område, kategori eller organisation som inte finns, q längre än 100 tecken)")])
        path["post"] =
            [
                "summary": "Rapportera en händelse",
                "requestBody": ["required": true, "content": ["application/json": ["schema": ref("NewIncident")]]] as [String: Any],
                "responses": [
                    "201": ["description": "Sparad", "content": ["application/json": ["schema": ref("Incident")]]],
                    "422": error("Fel i fälten, eller en regel schemat inte kan uttrycka (tid i framtiden, punkt utanför kommunen); inget sparat", "Problems"),
                    "400": error("Kroppen är inget JSON-objekt"),
                    "413": error("Kroppen är större än 256 kB"),
                    "401": unauthorized,
                ] as [String: Any],
            ] as [String: Any]
        return path
    }()

    private static func get(
        _ summary: String, schema: [String: Any], parameters: [[String: Any]] = [],
        errors: [String: Any] = [:]
    ) -> [String: Any] {
        [
            "get": [
                "summary": summary,
                "parameters": parameters,
                "responses":
                    ([
                        "200": ["description": "OK", "content": ["application/json": ["schema": schema]]],
                        "401": unauthorized,
                    ] as [String: Any]).merging(errors) { a, _ in a },
            ] as [String: Any]
        ]
    }
}
