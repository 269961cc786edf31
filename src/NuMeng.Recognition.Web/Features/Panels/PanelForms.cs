using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>Every form of the panel page posts the application's stamp.</summary>
public abstract class PanelForm
{
    public string? Stamp { get; set; }

    public Guid StampId => FormText.Id(Stamp) ?? Guid.Empty;
}

/// <summary>分配专家: the expert picked among the suggestions (or a suggested replacement, always a member), role and panel name.</summary>
public sealed class PanelAssignForm : PanelForm
{
    public string? Expert { get; set; }
    public string? QuickExpert { get; set; }
    public string? Role { get; set; }
    public string? PanelName { get; set; }

    public Guid? ExpertId => FormText.Id(QuickExpert) ?? FormText.Id(Expert);

    /// <summary>A replacement is assigned as a member; an unknown role is the service's to refuse.</summary>
    public PanelRole RoleValue => FormText.Id(QuickExpert) is not null ? PanelRole.Member
        : FormText.Enum<PanelRole>(Role) ?? (PanelRole)(-1);
}

public sealed class PanelAssignFormValidator : AbstractValidator<PanelAssignForm>
{
    public PanelAssignFormValidator() => RuleFor(f => f.Expert).Must((f, _) => f.ExpertId is not null).WithMessage("请选择一位专家");
}

/// <summary>移除 an expert who has not declared yet.</summary>
public sealed class PanelRemoveForm : PanelForm
{
    public string? Assignment { get; set; }
}

public sealed class PanelRemoveFormValidator : AbstractValidator<PanelRemoveForm>
{
    public PanelRemoveFormValidator() => RuleFor(f => f.Assignment).Must(a => FormText.Id(a) is not null).WithMessage("请选择要移除的专家");
}

/// <summary>设为组长.</summary>
public sealed class PanelLeaderForm : PanelForm
{
    public string? Assignment { get; set; }
}

public sealed class PanelLeaderFormValidator : AbstractValidator<PanelLeaderForm>
{
    public PanelLeaderFormValidator() => RuleFor(f => f.Assignment).Must(a => FormText.Id(a) is not null).WithMessage("请选择组长");
}

/// <summary>记录回避 (irreversible): the expert, the reason, the confirmation.</summary>
public sealed class PanelRecuseForm : PanelForm
{
    public string? Assignment { get; set; }
    public string? Reason { get; set; }
    public bool Confirm { get; set; }
}

public sealed class PanelRecuseFormValidator : AbstractValidator<PanelRecuseForm>
{
    public PanelRecuseFormValidator()
    {
        // The confirmation first, and alone: the expert is asked for only once it is ticked.
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Confirm).Ticked("回避记录后不能撤销，请勾选确认");
        RuleFor(f => f.Assignment).Must(a => FormText.Id(a) is not null).WithMessage("请选择回避的专家");
    }
}

/// <summary>开始专家评审 (irreversible, confirmed).</summary>
public sealed class PanelStartReviewForm : PanelForm
{
    public bool Confirm { get; set; }
}

public sealed class PanelStartReviewFormValidator : AbstractValidator<PanelStartReviewForm>
{
    public PanelStartReviewFormValidator() => RuleFor(f => f.Confirm).Ticked("开始专家评审不能撤销，请勾选确认后再提交");
}

/// <summary>转入现场核查 (irreversible, confirmed).</summary>
public sealed class PanelStartOnSiteForm : PanelForm
{
    public bool Confirm { get; set; }
}

public sealed class PanelStartOnSiteFormValidator : AbstractValidator<PanelStartOnSiteForm>
{
    public PanelStartOnSiteFormValidator() => RuleFor(f => f.Confirm).Ticked("转入现场核查不能撤销，请勾选确认后再提交");
}
