import FluentKit

/// Every migration, in the order they run. New migrations go at the end; released ones never change.
enum TryggMigrations {
    static let all: [any Migration] = [
        M001CreateKommuner(),
        M002CreateOrganisations(),
        M003CreateAreas(),
        M004CreateUsers(),
        M005CreateSessions(),
        M006CreateAPITokens(),
        M007CreateAuditLog(),
        M008CreatePlans(),
        M009CreateMeasures(),
        M010CreateFollowUp(),
        M011AddTOTPLastStep(),
        M012CreateGoverningDocuments(),
        M013CreateEST(),
        M014CreateCitizenReports(),
        M015CreateIncidentIntake(),
        M016WidenIncidentTimeIndex(),
        M017CreateCrimeStatistics(),
        M018CreateLagesbildDocuments(),
        M019CreateRegionalStatistics(),
        M020LightenCrimeReports(),
        M021AddLagesbildFiguresAndPolice(),
        M022AddMeasureLineage(),
        M023AddFollowUpAssessment(),
        M024CreateOutbox(),
        M025AddInsatsMeasure(),
        M026CreateSurveys(),
        M027CreateSharingAgreements(),
        M028CreateSurveyIndicators(),
        M029CreateSurveyPlaces(),
        M030AddSurveyWeights(),
        M031CreateSurveySettings(),
        M032CreateForums(),
    ]
}
