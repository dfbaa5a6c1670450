/// Groups and bodies that Linköping's plan names as responsible, beyond the default
/// organisations every kommun gets. The demo adds them to Linköping; another kommun adds its own.
public enum LinkopingGroups {
    public static let all: [OrganisationTemplate] = [
        .init("BFT", "Brottsförebyggande och trygghetsskapande arbetet (BFT)", .grupp),
        .init("SMS", "Samverkan mot segregation (SMS)", .grupp),
        .init("SBU", "Samverkan barn och unga (SBU)", .grupp),
        .init("Styrgrupp välfärdsbrott", "Styrgruppen för arbetet mot välfärdsbrott", .grupp),
        .init("Leanlink", "Leanlink, kommunens utförarverksamhet inom vård och omsorg", .enhet, stated: false),
    ]
}
