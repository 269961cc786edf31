namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>The four grounds for revoking a recognition (管理办法 第十条（一）–（四）). A revocation must name one.</summary>
public enum RevocationGround
{
    /// <summary>（一）所在企业在申请过程中提供虚假信息、违反相关规定或其它违法行为.</summary>
    FalseInformationOrViolation,
    /// <summary>（二）所在企业被依法终止或无法正常经营.</summary>
    TerminatedOrCannotOperate,
    /// <summary>（三）发生重大环保、安全、质量事故.</summary>
    MajorAccident,
    /// <summary>（四）所认定的数字化车间、智能工厂迁出内蒙古.</summary>
    MovedOutOfInnerMongolia,
}

/// <summary>Labels and clauses of <see cref="RevocationGround"/>.</summary>
public static class RevocationGrounds
{
    private const string Document = "内蒙古自治区数字化车间和智能工厂认定管理办法";

    /// <summary>Short Chinese label, e.g. 发生重大环保、安全、质量事故.</summary>
    public static string Label(RevocationGround ground) => ground switch
    {
        RevocationGround.FalseInformationOrViolation => "申请过程中提供虚假信息、违反相关规定或其它违法行为",
        RevocationGround.TerminatedOrCannotOperate => "企业被依法终止或无法正常经营",
        RevocationGround.MajorAccident => "发生重大环保、安全、质量事故",
        RevocationGround.MovedOutOfInnerMongolia => "所认定的数字化车间、智能工厂迁出内蒙古",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "未知的撤销情形"),
    };

    /// <summary>The item of 第十条: （一） … （四）.</summary>
    public static string Item(RevocationGround ground) => ground switch
    {
        RevocationGround.FalseInformationOrViolation => "（一）",
        RevocationGround.TerminatedOrCannotOperate => "（二）",
        RevocationGround.MajorAccident => "（三）",
        RevocationGround.MovedOutOfInnerMongolia => "（四）",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "未知的撤销情形"),
    };

    /// <summary>The clause, e.g. 《…管理办法》第十条（三）.</summary>
    public static Clause Clause(RevocationGround ground) => new(Document, $"第十条{Item(ground)}", ground switch
    {
        RevocationGround.FalseInformationOrViolation => "所在企业在申请过程中提供虚假信息、违反相关规定或其它违法行为。",
        RevocationGround.TerminatedOrCannotOperate => "所在企业被依法终止或无法正常经营。",
        RevocationGround.MajorAccident => "发生重大环保、安全、质量事故。",
        _ => "所认定的数字化车间、智能工厂迁出内蒙古。",
    });
}
