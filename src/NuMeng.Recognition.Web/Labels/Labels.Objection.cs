namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>已收到, 已核实, 异议成立, 异议不成立.</summary>
    public static string Objection(ObjectionState state) => state switch
    {
        ObjectionState.Received => "已收到",
        ObjectionState.Verified => "已核实",
        ObjectionState.Upheld => "异议成立",
        ObjectionState.Dismissed => "异议不成立",
        _ => state.ToString(),
    };

    /// <summary>个人, 单位.</summary>
    public static string Objector(ObjectorKind kind) => kind == ObjectorKind.Unit ? "单位" : "个人";
}
