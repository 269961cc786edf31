namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>组长, 组员.</summary>
    public static string PanelRole(PanelRole role) => role == Data.Review.PanelRole.Leader ? "组长" : "组员";
}
