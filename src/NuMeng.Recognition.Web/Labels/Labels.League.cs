namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>呼和浩特市 for 1501; the code itself when it is not in the list (never an empty cell).</summary>
    public static string League(string? code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code ?? string.Empty;
}
