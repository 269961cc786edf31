using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Documents;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Domain.Regions;

namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>
/// Reads the record each document prints through the tenancy filters of the caller's scope (never IgnoreQueryFilters:
/// a record the caller cannot see is simply not found) and maps it to the document's plain model. Queries project the
/// columns they need, never <c>Application.CurrentDraftJson</c> (the enterprise's unsubmitted edits): documents print
/// frozen versions only.
/// </summary>
public sealed partial class DocumentLoader(RecognitionDbContext db, DocumentOptions options, TimeProvider clock)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    private static string League(string? code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code ?? "—";

    private sealed record ApplicationFacts(Guid Id, Guid EnterpriseId, Guid BatchId, Domain.Rules.RecognitionKind Kind, string Name, string LeagueCode, int LatestVersionNumber);

    /// <summary>The application's own columns (no draft), through the filter.</summary>
    private Task<ApplicationFacts?> ApplicationAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Select(a => new ApplicationFacts(a.Id, a.EnterpriseId, a.BatchId, a.Kind, a.WorkshopOrFactoryName, a.LeagueCode, a.LatestVersionNumber))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The applicant line of a visible application: enterprise name and credit code, 盟市, batch title.</summary>
    private async Task<ApplicantLine> ApplicantAsync(ApplicationFacts app, CancellationToken cancellationToken)
    {
        var enterprise = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == app.EnterpriseId)
            .Select(o => new { o.Name, o.CreditCode })
            .FirstOrDefaultAsync(cancellationToken);
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == app.BatchId).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken);
        return new ApplicantLine(enterprise?.Name ?? "（企业名称不可见）", enterprise?.CreditCode, League(app.LeagueCode), app.Name, app.Kind, batch ?? "—");
    }

    private sealed record VersionFacts(Guid Id, int Number, DateTimeOffset SubmittedAt, string Hash);

    /// <summary>A visible version by id (or, with <paramref name="versionId"/> null, the application's latest).</summary>
    private async Task<VersionFacts?> VersionAsync(Guid applicationId, Guid? versionId, CancellationToken cancellationToken)
    {
        var versions = db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == applicationId);
        versions = versionId is { } id ? versions.Where(v => v.Id == id) : versions.OrderByDescending(v => v.Number);
        return await versions.Select(v => new VersionFacts(v.Id, v.Number, v.SubmittedAt, v.ContentHash)).FirstOrDefaultAsync(cancellationToken);
    }

    private static VersionLine Line(VersionFacts version) => new(version.Number, version.SubmittedAt, version.Hash);

    /// <summary>A user's display name when the caller may see the account; otherwise the fallback.</summary>
    private async Task<string?> UserNameAsync(Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;

    private async Task<string?> OrganisationNameAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    private DocumentStamp Stamp(string title, string kind, string number, string? hash, string label = "申报版本") =>
        ProcedureDocuments.StampFor(title, kind, number, hash, Now, label);

    /// <summary>The first eight hex digits of a hash, upper case: the distinctive part of a document number.</summary>
    private static string Short(string hash) => hash.Length >= 8 ? hash[..8].ToUpperInvariant() : hash.ToUpperInvariant();

    private static string Day(DateTimeOffset moment) =>
        Domain.Calendar.ChineseDates.Format(DateOnly.FromDateTime(moment.ToOffset(TimeSpan.FromHours(8)).DateTime));
}
