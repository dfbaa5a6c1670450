import TryggCore

/// The help page's words: the law's cycle, what each permission lets one do and the terms a
/// colleague from the police or the housing company meets in Trygg. Which parts a user sees is
/// decided by the same permissions the routes check, so the page never points to a locked door.
enum HelpContent {
    struct Entry {
        let title: String
        let text: String
        /// Where it is done, and who may open it (the route's own permission).
        let route: Route0
        let linkText: String
    }

    /// Lag (2023:196): kartlägga, lägesbild, åtgärdsplan, uppföljning.
    static let cycle: [Entry] = [
        Entry(
            title: "Kartlägga",
            text: "Brott och otrygghet kartläggs: polisens anmälda brott per DeSO, befolkningen från SCB, EST-händelser, "
                + "invånarnas tips, trygghetsundersökningar och trygghetsvandringar.",
            route: SiteRoutes.crimeFigures, linkText: "Brott per område"),
        Entry(
            title: "Lägesbild",
            text: "Ur kartläggningen skriver kommunen en lägesbild: vilka problem som finns, var och varför, och vilka som "
                + "prioriteras. Den beslutas och förnyas minst vartannat år.",
            route: SiteRoutes.lagesbildDocuments, linkText: "Lägesbilder"),
        Entry(
            title: "Åtgärdsplan",
            text: "Åtgärdsplanen säger vad som görs åt de prioriterade problemen och vilken organisation som ansvarar.",
            route: SiteRoutes.plan, linkText: "Åtgärdsplanen"),
        Entry(
            title: "Uppföljning",
            text: "Varje år svarar de ansvariga organisationerna hur åtgärderna går; rapporten går till kommunfullmäktige.",
            route: SiteRoutes.followUp, linkText: "Uppföljningen"),
    ]

    /// What one can do, in the order of a working week; each shown to those its route lets in
    /// and whose role has `needs` (the permission the task itself is about, where the page is
    /// open to more). `unless`: a permission that brings a fuller entry of the same kind instead.
    static let tasks: [(entry: Entry, needs: Permission?, unless: Permission?)] = [
        (
            Entry(
                title: "Rapportera en händelse",
                text: "Det du ser: skadegörelse, samlingar, otrygga platser. Markera platsen på kartan och beskriv "
                    + "situationen, aldrig namn, personnummer eller telefonnummer.",
                route: SiteRoutes.incidentForm, linkText: "Rapportera"), .reportIncident, nil
        ),
        (
            Entry(
                title: "Leda EST-veckan",
                text: "Veckans lägesbild med heta platser, gruppens bedömning, prioriterade platser och insatser, "
                    + "och publicering för samverkansparterna. Insatsernas effekt följs upp efteråt.",
                route: SiteRoutes.est, linkText: "EST"), .leadEST, nil
        ),
        (
            Entry(
                title: "Svara på uppföljningen",
                text: "Ange status och en kort kommentar för varje åtgärd din organisation ansvarar för. Förra årets svar "
                    + "står bredvid; ett svar som skickats tillbaka syns överst.",
                route: SiteRoutes.followUp, linkText: "Uppföljning"), .answerFollowUp, .editPlan
        ),
        (
            Entry(
                title: "Åtgärdsplanen och uppföljningen",
                text: "Importera, ändra och anta planen, kopiera den till nästa år, öppna årets uppföljning och skriv "
                    + "rapporten till kommunfullmäktige.",
                route: SiteRoutes.plan, linkText: "Åtgärdsplan"), .editPlan, nil
        ),
        (
            Entry(
                title: "Läsa åtgärdsplanen",
                text: "Filtrera på din organisation för att se vad ni ansvarar för eller samverkar i.",
                route: SiteRoutes.plan, linkText: "Åtgärdsplan"), nil, .editPlan
        ),
        (
            Entry(
                title: "Skriva lägesbilden",
                text: "Importera polisens brottsuttag och SCB:s befolkning, för källregistret, skriv kartläggning och analys "
                    + "och knyt de prioriterade problemen till planens åtgärder.",
                route: SiteRoutes.lagesbildDocuments, linkText: "Lägesbild"), .editLagesbild, nil
        ),
        (
            Entry(
                title: "Läsa lägesbilden",
                text: "Den beslutade lägesbilden och brotten per område. Små tal (1–4) döljs i det som delas med partner.",
                route: SiteRoutes.lagesbildDocuments, linkText: "Lägesbild"), nil, .editLagesbild
        ),
        (
            Entry(
                title: "Granska invånarnas tips",
                text: "Publicera, rätta, avvisa och svara. Kontaktuppgifter raderas när lagringstiden gått ut.",
                route: SiteRoutes.citizenReports, linkText: "Medborgartips"), nil, nil
        ),
        (
            Entry(
                title: "Trygghetsundersökningar",
                text: "Resultat per fråga, område, kön och ålder med osäkerhetsintervall; små grupper döljs.",
                route: SiteRoutes.surveys, linkText: "Enkäter"), nil, nil
        ),
        (
            Entry(
                title: "Samverkan",
                text: "Dina forum, möten, protokoll och beslut att följa upp, medborgarlöften och trygghetsvandringar. "
                    + "Mötena finns också som kalender att prenumerera på.",
                route: SiteRoutes.forums, linkText: "Samverkan"), nil, nil
        ),
        (
            Entry(
                title: "LOS-tillsyn",
                text: "Gemensamma kontroller med myndigheterna, objektregistret och återbesöken. Varje visning av ett objekt loggas.",
                route: SiteRoutes.inspections, linkText: "LOS"), nil, nil
        ),
        (
            Entry(
                title: "Administrera",
                text: "Användare och roller, organisationer, områden, granskningsloggen och kommunens data som ZIP.",
                route: SiteRoutes.users, linkText: "Användare"), nil, nil
        ),
        (
            Entry(
                title: "Ditt konto",
                text: "Byt lösenord, slå på tvåstegsverifiering, välj vilken e-post du vill få och se var du är inloggad.",
                route: SiteRoutes.account, linkText: "Mitt konto"), nil, nil
        ),
    ]

    static let terms: [(term: String, meaning: String)] = [
        ("Lägesbild", "Kommunens beslutade bild av brottsligheten och otryggheten: kartläggning, analys och prioriterade problem (lag 2023:196)."),
        ("EST", "Effektiv samordning för trygghet: kommunen, polisen och fastighetsägare rapporterar händelser varje vecka och beslutar insatser."),
        ("Veckans lägesbild", "EST-gruppens bild av veckan: händelser per område och kategori, heta platser och bedömning."),
        ("Insats", "Något EST-gruppen beslutar att göra på en plats under en tid, till exempel ökad närvaro; effekten följs upp."),
        ("Heta platser", "Platser där händelserna samlas mer än slumpen förklarar (Getis-Ord Gi*), namngivna efter närmaste plats."),
        ("Prioriterat område", "Ett område kommunen följer särskilt, avgränsat på kartan eller med DeSO-koder."),
        ("DeSO och RegSO", "SCB:s demografiska statistikområden och de regionala områden de bildar; polisens brott redovisas per DeSO."),
        ("Små tal", "Antal 1–4 visas inte i det som delas med partner eller publiceras, så att ingen enskild kan pekas ut."),
        ("Åtgärdsplan", "Planen med åtgärder mot de prioriterade problemen, ansvarig organisation och samverkansparter."),
        ("Uppföljning", "Den årliga genomgången där varje ansvarig organisation anger status för sina åtgärder."),
        ("Medborgarlöfte", "Ett löfte från kommunen och polisen till invånarna om vad som ska göras, följt upp och publicerat."),
        ("Trygghetsvandring", "En vandring i ett område med boende och fastighetsägare där otrygga platser noteras och åtgärdas."),
        ("LOS", "Lokal operativ myndighetssamverkan: gemensamma kontroller av verksamheter med polisen och andra myndigheter."),
        ("Utsatt område", "Polisens lista över områden där kriminella påverkar lokalsamhället, i tre nivåer."),
        ("Kriminell påverkan", "Hur mycket kriminella nätverk påverkar ett område, bedömt årligen tillsammans med polisen."),
        ("Granskningslogg", "Loggen över vem som ändrat eller läst känsliga uppgifter, när och varifrån. Den kan inte ändras."),
    ]
}
