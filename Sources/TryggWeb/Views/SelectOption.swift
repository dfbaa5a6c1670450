/// One `<option>` of a `<select>`, shared by every form.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}
