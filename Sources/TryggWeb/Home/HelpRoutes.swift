import Hummingbird
import TryggCore

/// "Hjälp": how the work hangs together, what the reader's role does in Trygg (with links to
/// exactly the pages it may open) and the terms, for a colleague meeting Trygg for the first time.
struct HelpRoutes {
    let deps: AppDependencies

    struct Item {
        let title: String
        let text: String
        let href: String?
        let linkText: String
    }

    struct Term {
        let term: String
        let meaning: String
    }

    struct HelpView {
        let introduction: String
        let cycle: [Item]
        let tasks: [Item]
        let terms: [Term]
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.help) { _, context in
            deps.renderer.page(.help, title: "Hjälp", context: context, content: Self.view(for: context))
        }
    }

    static func view(for context: StaffContext) -> HelpView {
        let role = context.user.role
        // The route's own permission decides, as it does when the link is followed; LOS also
        // depends on the kommun's LOS settings.
        func opens(_ route: Route0) -> Bool {
            route.path == SiteRoutes.inspections.path ? context.seesInspections : route.route.isOpen(to: role)
        }
        func item(_ entry: HelpContent.Entry, linked: Bool) -> Item {
            Item(title: entry.title, text: entry.text, href: linked ? entry.route.path : nil, linkText: entry.linkText)
        }
        let tasks = HelpContent.tasks.filter { task in
            opens(task.entry.route) && (task.needs.map(role.allows) ?? true) && !(task.unless.map(role.allows) ?? false)
        }
        return HelpView(
            introduction: HomeIntroduction.sentence(for: context.user),
            cycle: HelpContent.cycle.map { item($0, linked: opens($0.route)) },
            tasks: tasks.map { item($0.entry, linked: true) },
            terms: HelpContent.terms.map { Term(term: $0.term, meaning: $0.meaning) })
    }
}
