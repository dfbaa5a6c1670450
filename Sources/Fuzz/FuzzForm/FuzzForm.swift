import Foundation
import FuzzSupport
import Hummingbird
import TryggCore

/// A URL-encoded form body as every staff and public form is read: Hummingbird's decoder into
/// the pairs the CSRF middleware checks, and into a form type with text, raw text and checkbox
/// fields (the shape of the residents' tip form, the one anyone can send).
struct TipShape: Decodable {
    @FormText var category: String
    @FormRaw var description: String
    @FormChoices var times: [String]
    @FormText var email: String

    enum CodingKeys: String, CodingKey { case category = "kategori", description = "beskrivning", times = "tid", email = "epost" }
}

/// The LOS object form: the organisationsnummer is checked digit by digit (Luhn) from whatever
/// was typed, and the object's other fields with it.
struct ObjectShape: Decodable {
    @FormText var name: String
    @FormText var orgNumber: String
    @FormText var address: String

    enum CodingKeys: String, CodingKey { case name = "namn", orgNumber = "orgnr", address = "adress" }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let decoder = URLEncodedFormDecoder()
    if let form = try? decoder.decode(AnyForm.self, from: body) {
        _ = FormFields(pairs: form.pairs)["_csrf"]
    }
    _ = try? decoder.decode(TipShape.self, from: body)
    _ = Organisationsnummer.normalised(body)
    if let object = try? decoder.decode(ObjectShape.self, from: body) {
        _ = InspectedObject(id: UUID(), name: object.name, orgNumber: object.orgNumber, address: object.address, point: nil, branch: .annat).problems()
    }
    return 0
}
