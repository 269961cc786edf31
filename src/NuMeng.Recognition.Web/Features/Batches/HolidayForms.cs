using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>A day added to the holiday calendar; the calendar's rules are <c>HolidayCalendar.Validate</c>'s, run by the service.</summary>
public sealed class HolidayAddForm
{
    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
}

public sealed class HolidayAddFormValidator : AbstractValidator<HolidayAddForm>
{
    public HolidayAddFormValidator() => RuleFor(f => f.Date).Date("日期");
}

/// <summary>A day removed from the calendar (confirmed).</summary>
public sealed class HolidayRemoveForm
{
    public string? Id { get; set; }
    public string? Stamp { get; set; }
    public bool Confirm { get; set; }
}

public sealed class HolidayRemoveFormValidator : AbstractValidator<HolidayRemoveForm>
{
    public HolidayRemoveFormValidator() => RuleFor(f => f.Confirm).Ticked("请勾选确认后再删除");
}
