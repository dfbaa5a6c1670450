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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let decoder = URLEncodedFormDecoder()
    if let form = try? decoder.decode(AnyForm.self, from: body) {
        _ = FormFields(pairs: form.pairs)["_csrf"]
    }
    _ = try? decoder.decode(TipShape.self, from: body)
    return 0
}
