import FluentKit
import Foundation
import TryggCore

final class FollowUpRoundModel: Model, @unchecked Sendable {
    static let schema = "followup_rounds"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "deadline") var deadline: String
    @Field(key: "state") var state: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "assessment") var assessment: String

    init() {}

    var record: FollowUpRound {
        FollowUpRound(
            id: id!, kommunID: kommunID, planID: planID, year: year, deadline: deadline,
            state: FollowUpRound.State(rawValue: state) ?? .closed, assessment: assessment)
    }
}

final class FollowUpAnswerModel: Model, @unchecked Sendable {
    static let schema = "followup_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "measure_id") var measureID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "status") var status: String
    @Field(key: "description") var description: String
    @Field(key: "state") var state: String
    @Field(key: "return_comment") var returnComment: String
    @Field(key: "answered_by") var answeredBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var record: FollowUpAnswer {
        FollowUpAnswer(
            measureID: measureID, organisationID: organisationID, status: FollowUpStatus(rawValue: status) ?? .ejPaborjad,
            description: description, state: FollowUpAnswer.State(rawValue: state) ?? .submitted,
            returnComment: returnComment, answeredBy: answeredBy, updatedAt: updatedAt)
    }
}
