namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>
/// Public notices and objections. <c>Objection</c> rows are department-only in the tenancy filter because they
/// carry the objector's identity (docs/rule-reference.md §9: "the objector's identity is kept confidential"). Two parties outside the
/// department still need a sliver of a case, and get exactly that here, never the objector's name, contact, content or scan.
/// </summary>
public static partial class UnfilteredQueries
{
    /// <summary>
    /// The public objection form numbers the case it registers (YY-2026-0001) in an anonymous scope, which cannot see any
    /// objection. Returns only the case numbers of <paramref name="year"/> (a number names no one); the caller computes the
    /// next one inside its transaction.
    /// </summary>
    public static Task<List<string>> ObjectionCaseNumbersOfYearAsync(RecognitionDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = $"YY-{year:0000}-";
        return db.Objections.IgnoreQueryFilters()
            .Where(o => o.CaseNumber.StartsWith(prefix))
            .Select(o => o.CaseNumber)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The enterprise answers what the department asked about an objection to one of ITS applications ("the
    /// enterprise may be asked to respond"; identity "kept confidential from the enterprise"). Safe because: only cases with
    /// a request, only on applications whose enterprise is <paramref name="organisationId"/> (the caller passes the signed-in
    /// actor's organisation), and the projection holds the case number, the request and the answer — nothing about who
    /// objected or what they wrote.
    /// </summary>
    public static Task<List<ObjectionRequestView>> ObjectionRequestsForEnterpriseAsync(
        RecognitionDbContext db, Guid organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (
                from o in db.Objections.IgnoreQueryFilters()
                join a in db.Applications on o.ApplicationId equals a.Id
                where a.EnterpriseId == organisationId && o.ResponseRequest != null
                orderby o.ResponseRequestedAt descending
                select new ObjectionRequestView(o.Id, o.CaseNumber, a.Id, a.WorkshopOrFactoryName, o.ResponseRequest!,
                    o.ResponseRequestedAt, o.EnterpriseResponse, o.RespondedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records the enterprise's answer, once, to a request on one of its own applications (same guarantees as
    /// <see cref="ObjectionRequestsForEnterpriseAsync"/>). The row is changed in <paramref name="db"/> but not saved: the
    /// caller saves it with its audit entry. Returns the outcome; the objection itself is never handed out.
    /// </summary>
    public static async Task<ObjectionAnswerOutcome> AnswerObjectionRequestAsync(RecognitionDbContext db, Guid organisationId,
        Guid objectionId, string response, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var objection = await (
                from o in db.Objections.IgnoreQueryFilters()
                join a in db.Applications on o.ApplicationId equals a.Id
                where o.Id == objectionId && a.EnterpriseId == organisationId && o.ResponseRequest != null
                select o)
            .FirstOrDefaultAsync(cancellationToken);
        if (objection is null)
        {
            return ObjectionAnswerOutcome.NotFound;
        }
        if (objection.EnterpriseResponse is not null)
        {
            return ObjectionAnswerOutcome.AlreadyAnswered;
        }
        if (ObjectionCase.IsDecided(objection.State))
        {
            return ObjectionAnswerOutcome.Decided;
        }
        objection.EnterpriseResponse = response;
        objection.RespondedAt = at;
        return ObjectionAnswerOutcome.Recorded;
    }
}

/// <summary>What the enterprise sees of a case: the number, what it is asked and its answer.</summary>
public sealed record ObjectionRequestView(
    Guid ObjectionId, string CaseNumber, Guid ApplicationId, string WorkshopOrFactoryName, string Request,
    DateTimeOffset? RequestedAt, string? Response, DateTimeOffset? RespondedAt);

/// <summary>Outcome of <see cref="UnfilteredQueries.AnswerObjectionRequestAsync"/>.</summary>
public enum ObjectionAnswerOutcome
{
    Recorded,
    NotFound,
    AlreadyAnswered,
    Decided,
}
