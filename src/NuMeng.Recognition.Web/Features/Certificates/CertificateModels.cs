namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>One certificate in a list.</summary>
public sealed record CertificateRow(Guid Id, string Number, RecognitionKind Kind, string EnterpriseName, string WorkshopOrFactoryName,
    string LeagueCode, DateOnly AwardedOn, DateOnly ValidUntil, CertificateStandingKind Standing,
    IReadOnlyList<RecommendationEligibility> Recommendations);

/// <summary>The filters of the certificate lists (the same query-string words as the exports: kind, league, year; plus standing and q).</summary>
public sealed record CertificateFilter(RecognitionKind? Kind = null, string? League = null, int? Year = null,
    CertificateStandingKind? Standing = null, string? Search = null)
{
    /// <summary>The query string of the filter for the export link (only the keys the export reads).</summary>
    public string ExportQuery()
    {
        var parts = new List<string>();
        if (Kind is { } k)
        {
            parts.Add("kind=" + k);
        }
        if (!string.IsNullOrEmpty(League))
        {
            parts.Add("league=" + Uri.EscapeDataString(League));
        }
        if (Year is { } y)
        {
            parts.Add("year=" + y);
        }
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}

/// <summary>A certificate with everything the department's detail page shows.</summary>
public sealed record CertificateDetail(CertificateRow Row, Guid ApplicationId, Guid EnterpriseId, Guid Stamp, string VerificationCode,
    ApplicationState ApplicationState, PublishedDocument? Publication, IReadOnlyList<CertificateNameChange> NameHistory,
    RevocationView? Revocation, IReadOnlyList<RenameView> Renames)
{
    /// <summary>Whether the revocation form is offered (the workflow decides the role when it is posted).</summary>
    public bool CanRevoke => Revocation is null && ApplicationState is ApplicationState.Recognised;
}

/// <summary>A revocation as recorded.</summary>
public sealed record RevocationView(Guid Id, Guid CertificateId, string CertificateNumber, string EnterpriseName, string WorkshopOrFactoryName,
    RevocationGround Ground, string Evidence, Guid? EvidenceAttachmentId, string? EvidenceFileName, DateOnly RevokedOn, string DecidedBy);

/// <summary>A rename request as the department sees it.</summary>
public sealed record RenameView(Guid Id, Guid Stamp, Guid CertificateId, string CertificateNumber, string EnterpriseName,
    string PreviousName, string NewName, string? NewCreditCode, string Reason, string? BureauOpinion, string BureauName,
    DateTimeOffset? ForwardedAt, RenameRequestState State, string? DecisionNote, DateTimeOffset? DecidedAt);
