using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// The header of a scene catalogue edition to import (the file is read from the request: its size is checked and
/// refused with an audit entry before anything is read); the catalogue's rules are <c>SceneCatalogue.FromRows</c>'.
/// </summary>
public sealed class SceneImportForm
{
    public string? Code { get; set; } = "NM-2025-SCENES";
    public string? Version { get; set; }
    public string? EffectiveDate { get; set; }
    public string? Name { get; set; }
    public string? Source { get; set; }
    public bool Provisional { get; set; }

    public SceneImportInput ToInput() => new(
        Code?.Trim() ?? string.Empty, Version?.Trim() ?? string.Empty, Name?.Trim() ?? string.Empty, Source?.Trim() ?? string.Empty,
        FormText.Date(EffectiveDate), Provisional);
}

public sealed class SceneImportFormValidator : AbstractValidator<SceneImportForm>
{
    public SceneImportFormValidator() => RuleFor(f => f.EffectiveDate).Date("生效日期");
}

/// <summary>启用 an imported edition (irreversible, confirmed).</summary>
public sealed class SceneActivateForm
{
    public string? Stamp { get; set; }
    public bool Confirm { get; set; }
}

public sealed class SceneActivateFormValidator : AbstractValidator<SceneActivateForm>
{
    public SceneActivateFormValidator() => RuleFor(f => f.Confirm).Ticked("启用不可撤回，请勾选确认");
}
