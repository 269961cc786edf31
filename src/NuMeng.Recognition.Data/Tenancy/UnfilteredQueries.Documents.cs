namespace NuMeng.Recognition.Data.Tenancy;

public static partial class UnfilteredQueries
{
    /// <summary>
    /// 认定名单 (GET /documents/publications/{id}/list.pdf, anonymous): the certificates a publication (行文公布) lists.
    /// The publication is a public official document and the list is its content — number, enterprise, workshop/factory,
    /// kind and 盟市 of each recognised application — so anyone may read exactly these columns, for this publication
    /// only; certificates and applications are otherwise owner-only. Nothing else of the rows (verification codes,
    /// status, versions, drafts) leaves this method. Listed as published, ordered by certificate number.
    /// </summary>
    public static async Task<IReadOnlyList<PublishedListEntry>> PublishedListAsync(
        RecognitionDbContext db, Guid publicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Certificates.IgnoreQueryFilters()
            .Where(c => c.PublicationId == publicationId)
            .OrderBy(c => c.Number)
            .Join(db.Applications.IgnoreQueryFilters(), c => c.ApplicationId, a => a.Id,
                (c, a) => new PublishedListEntry(c.Number, c.EnterpriseName, c.WorkshopOrFactoryName, c.Kind, a.LeagueCode))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>One line of a published recognition list, as the publication printed it.</summary>
public sealed record PublishedListEntry(string Number, string EnterpriseName, string WorkshopOrFactoryName, RecognitionKind Kind, string LeagueCode);
