import TryggCore

/// The start page's first sentence: who the user is in Trygg, in the second person. The role's
/// `summary` is written for the admin choosing a role ("Extern part som Polisen…"); the person
/// reading their own start page wants to read what they do here, and a partner does not work
/// in the kommun but with it.
enum HomeIntroduction {
    static func sentence(for user: UserAccount) -> String {
        let kommun = user.kommun.name
        let organisation = user.organisation.name
        switch user.role {
        case .admin:
            return "Du administrerar Trygg i \(kommun): användare, organisationer, områden och granskningslogg."
        case .samordnare:
            return "Du samordnar det brottsförebyggande arbetet i \(kommun): åtgärdsplan, uppföljning, EST, lägesbild och samverkan."
        case .analytiker:
            return "Du är analytiker i \(kommun), läser allt i kommunens Trygg och tar fram underlag och rapporter."
        case .ansvarig:
            return "Du arbetar på \(organisation) i \(kommun) och följer upp organisationens åtgärder i åtgärdsplanen."
        case .rapportor:
            return "Du rapporterar händelser till EST i \(kommun) för \(organisation) och ser den publicerade lägesbilden."
        case .partner:
            return "Du samverkar med \(kommun) för \(organisation), rapporterar händelser till EST och ser det som delas med samverkansparterna."
        }
    }
}
