namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>草稿, 公示中, 公示期满 (the wording of the notices page).</summary>
    public static string Notice(PublicNoticeState state) => state switch
    {
        PublicNoticeState.Draft => "草稿",
        PublicNoticeState.Open => "公示中",
        PublicNoticeState.Closed => "公示期满",
        _ => state.ToString(),
    };
}
