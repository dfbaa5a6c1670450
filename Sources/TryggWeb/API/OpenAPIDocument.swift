/// The OpenAPI 3.1 description of `/api/v1/`. Written by hand and kept next to the routes it
/// describes; a test checks that every documented path answers.
enum OpenAPIDocument {
    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.1.0",
        "info": [
            "title": "Trygg API",
            "version": "1.0.0",
            "description": "JSON-API för Trygg. Autentisering med personlig API-nyckel: `Authorization: Bearer <nyckel>` (skapas med `trygg token create`). All data avgränsas till användarens kommun.",
        ] as [String: Any],
        "servers": [["url": "/api/v1"]],
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "schemas": [
                "Error": object(["error": object(["status": ["type": "integer"], "message": ["type": "string"]])]),
                "Me": object(["email": string, "name": string, "role": string, "organisation": string, "kommun": string,
                              "kommun_code": string]),
                "Organisation": object(["id": ["type": "string", "format": "uuid"], "abbreviation": string, "name": string,
                                        "kind": ["type": "string", "enum": ["forvaltning", "enhet", "grupp", "extern"]],
                                        "name_confirmed": ["type": "boolean"]]),
            ] as [String: Any],
        ] as [String: Any],
        "security": [["bearer": [String]()]],
        "paths": [
            "/me": get("Den inloggade användaren", schema: ref("Me")),
            "/organisations": get("Kommunens organisationer", schema: ["type": "array", "items": ref("Organisation")]),
            "/areas": get("Kommunens områden som GeoJSON FeatureCollection (WGS84)",
                          schema: ["type": "object", "description": "GeoJSON FeatureCollection"]),
        ] as [String: Any],
    ]

    nonisolated(unsafe) private static let string: [String: Any] = ["type": "string"]

    private static func object(_ properties: [String: Any]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": Array(properties.keys).sorted()]
    }

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func get(_ summary: String, schema: [String: Any]) -> [String: Any] {
        [
            "get": [
                "summary": summary,
                "responses": [
                    "200": ["description": "OK", "content": ["application/json": ["schema": schema]]],
                    "401": ["description": "API-nyckel saknas eller är ogiltig",
                            "content": ["application/json": ["schema": ref("Error")]]],
                ] as [String: Any],
            ] as [String: Any],
        ]
    }
}
