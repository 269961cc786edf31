using NuMeng.Recognition.Documents.Procedure;

namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>
/// The shared plumbing of the document loaders, each of which sits beside the feature whose record it prints
/// (ApplicationDocuments, ReviewDocuments, PanelDocuments, NoticeDocuments, CertificateDocuments). A loader reads the
/// record through the tenancy filters of the caller's scope (never IgnoreQueryFilters: a record the caller cannot see is
/// simply not found) and maps it to the document's plain model. Queries project the
/// columns they need, never <c>Application.CurrentDraftJson</c> (the enterprise's unsubmitted edits): documents print
/// frozen versions only.
/// </summary>
public abstract class DocumentLoader(RecognitionDbContext db, DocumentOptions options, TimeProvider clock)
{
    /// <summary>A context of the caller's scope (its tenancy filters).</summary>
    protected RecognitionDbContext Db { get; } = db;

    /// <summary>The department's name, contact and the public verification address.</summary>
    protected DocumentOptions Options { get; } = options;

    /// <summary>When the document is generated (its stamp).</summary>
    protected DateTimeOffset Now => clock.GetUtcNow();

    protected static string League(string? code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code ?? "—";

    protected sealed record ApplicationFacts(Guid Id, Guid EnterpriseId, Guid BatchId, Domain.Rules.RecognitionKind Kind, string Name, string LeagueCode, int LatestVersionNumber);

    /// <summary>The application's own columns (no draft), through the filter.</summary>
    protected Task<ApplicationFacts?> ApplicationAsync(Guid applicationId, CancellationToken cancellationToken) =>
        Db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Select(a => new ApplicationFacts(a.Id, a.EnterpriseId, a.BatchId, a.Kind, a.WorkshopOrFactoryName, a.LeagueCode, a.LatestVersionNumber))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The applicant line of a visible application: enterprise name and credit code, 盟市, batch title.</summary>
    protected async Task<ApplicantLine> ApplicantAsync(ApplicationFacts app, CancellationToken cancellationToken)
    {
        var enterprise = await Db.Organisations.AsNoTracking()
            .Where(o => o.Id == app.EnterpriseId)
            .Select(o => new { o.Name, o.CreditCode })
            .FirstOrDefaultAsync(cancellationToken);
        var batch = await Db.Batches.AsNoTracking().Where(b => b.Id == app.BatchId).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken);
        return new ApplicantLine(enterprise?.Name ?? "（企业名称不可见）", enterprise?.CreditCode, League(app.LeagueCode), app.Name, app.Kind, batch ?? "—");
    }

    protected sealed record VersionFacts(Guid Id, int Number, DateTimeOffset SubmittedAt, string Hash);

    /// <summary>A visible version by id (or, with <paramref name="versionId"/> null, the application's latest).</summary>
    protected async Task<VersionFacts?> VersionAsync(Guid applicationId, Guid? versionId, CancellationToken cancellationToken)
    {
        var versions = Db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == applicationId);
        versions = versionId is { } id ? versions.Where(v => v.Id == id) : versions.OrderByDescending(v => v.Number);
        return await versions.Select(v => new VersionFacts(v.Id, v.Number, v.SubmittedAt, v.ContentHash)).FirstOrDefaultAsync(cancellationToken);
    }

    protected static VersionLine Line(VersionFacts version) => new(version.Number, version.SubmittedAt, version.Hash);

    /// <summary>A user's display name when the caller may see the account; otherwise the fallback.</summary>
    protected async Task<string?> UserNameAsync(Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? await Db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;

    protected async Task<string?> OrganisationNameAsync(Guid id, CancellationToken cancellationToken) =>
        await Db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    protected DocumentStamp Stamp(string title, string kind, string number, string? hash, string label = "申报版本") =>
        ProcedureDocuments.StampFor(title, kind, number, hash, Now, label);

    /// <summary>The first eight hex digits of a hash, upper case: the distinctive part of a document number.</summary>
    protected static string ShortHash(string hash) => hash.Length >= 8 ? hash[..8].ToUpperInvariant() : hash.ToUpperInvariant();

    protected static string Day(DateTimeOffset moment) =>
        Domain.Calendar.ChineseDates.Format(DateOnly.FromDateTime(moment.ToOffset(TimeSpan.FromHours(8)).DateTime));
}
