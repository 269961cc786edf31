namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>A batch's state as the department's batch pages show it: 草稿, 申报中, 已截止.</summary>
    public static string Batch(BatchState state) => state switch
    {
        BatchState.Draft => "草稿",
        BatchState.Open => "申报中",
        BatchState.Closed => "已截止",
        _ => state.ToString(),
    };

    /// <summary>第一批, 第二批 ….</summary>
    public static string Round(int round) => round switch
    {
        1 => "第一批",
        2 => "第二批",
        3 => "第三批",
        _ => $"第{round}批",
    };
}
