using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>受理 one application: the row shown, its stamp, the confirmation (irreversible).</summary>
public sealed class AcceptForm
{
    public string? Application { get; set; }
    public string? Stamp { get; set; }
    public bool Confirm { get; set; }
}

public sealed class AcceptFormValidator : AbstractValidator<AcceptForm>
{
    public AcceptFormValidator() => RuleFor(f => f.Confirm).Ticked("受理不可撤回，请勾选确认");
}

/// <summary>退回修改: the row shown, its stamp, the reason (the service checks it), the confirmation.</summary>
public sealed class ReturnForm
{
    public string? Application { get; set; }
    public string? Stamp { get; set; }
    public string? Reason { get; set; }
    public bool Confirm { get; set; }
}

public sealed class ReturnFormValidator : AbstractValidator<ReturnForm>
{
    public ReturnFormValidator() => RuleFor(f => f.Confirm).Ticked("请勾选确认后再退回");
}

/// <summary>整批受理: the batch and every application shown as “id:stamp”, so nothing is accepted if the list changed.</summary>
public sealed class BatchAcceptForm
{
    public string? Batch { get; set; }
    public List<string> Apps { get; set; } = [];
    public bool Confirm { get; set; }

    /// <summary>The applications shown with the stamps they had (unreadable entries are left out).</summary>
    public Dictionary<Guid, Guid> Shown()
    {
        var shown = new Dictionary<Guid, Guid>();
        foreach (var value in Apps)
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var id) && Guid.TryParse(parts[1], out var stamp))
            {
                shown[id] = stamp;
            }
        }
        return shown;
    }
}

public sealed class BatchAcceptFormValidator : AbstractValidator<BatchAcceptForm>
{
    public BatchAcceptFormValidator() => RuleFor(f => f.Confirm).Ticked("受理不可撤回，请勾选确认");
}
