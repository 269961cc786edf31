namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>Reads the list pages' query string into a <see cref="CertificateFilter"/> (unknown values are dropped, never widened: the lists show only what the department sees anyway).</summary>
internal static class CertificateFilters
{
    public static CertificateFilter Read(string? kind, string? league, int? year, string? standing, string? search) => new(
        RecognitionKinds.TryParse(kind, out var k) ? k : null,
        InnerMongoliaRegions.ByCode(league) is { } region ? region.Code : null,
        year is >= 2000 and <= 9999 ? year : null,
        Enum.TryParse<CertificateStandingKind>(standing, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim());
}
