namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The seven kinds of information system of 技术条件 二（一）5 ("至少包含以下功能系统中的 4 种"). Stored by name; never renumber.
/// </summary>
public enum InformationSystemKind
{
    /// <summary>协同设计/设计知识管理/工艺仿真/虚拟装配.</summary>
    CollaborativeDesign,
    /// <summary>PDM/PLM/LIMS（产品数据管理/产品生命周期管理/实验室信息管理系统）.</summary>
    ProductDataManagement,
    /// <summary>ERP（企业资源计划）.</summary>
    Erp,
    /// <summary>CRM（客户关系管理）.</summary>
    Crm,
    /// <summary>SCM（供应链管理）.</summary>
    Scm,
    /// <summary>产品远程运维.</summary>
    RemoteOperationAndMaintenance,
    /// <summary>数据中台.</summary>
    DataMiddlePlatform,
}

/// <summary>Chinese labels of <see cref="InformationSystemKind"/>, as the document names them.</summary>
public static class InformationSystemKinds
{
    public static string Label(InformationSystemKind kind) => kind switch
    {
        InformationSystemKind.CollaborativeDesign => "协同设计/设计知识管理/工艺仿真/虚拟装配",
        InformationSystemKind.ProductDataManagement => "PDM/PLM/LIMS（产品数据管理/产品生命周期管理/实验室信息管理系统）",
        InformationSystemKind.Erp => "ERP（企业资源计划）",
        InformationSystemKind.Crm => "CRM（客户关系管理）",
        InformationSystemKind.Scm => "SCM（供应链管理）",
        InformationSystemKind.RemoteOperationAndMaintenance => "产品远程运维",
        InformationSystemKind.DataMiddlePlatform => "数据中台",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的信息系统类别"),
    };

    public static IReadOnlyList<InformationSystemKind> All { get; } = Enum.GetValues<InformationSystemKind>();
}
