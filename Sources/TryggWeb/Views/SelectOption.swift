/// One `<option>` of a `<select>`, shared by every form.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}

/// One checkbox of a group (`name[]`), with the id its label points at.
struct CheckboxOption {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}
