namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>The rename request's stage: the bureau forwards (or declines), the department decides.</summary>
    public static string Rename(RenameRequestState state) => state switch
    {
        RenameRequestState.Submitted => "待盟市转报",
        RenameRequestState.Forwarded => "已转报工信厅",
        RenameRequestState.DeclinedByBureau => "盟市不予转报",
        RenameRequestState.Approved => "已批准更名",
        RenameRequestState.Rejected => "不予更名",
        _ => state.ToString(),
    };
}
