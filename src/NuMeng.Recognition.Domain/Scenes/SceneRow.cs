namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// One scene as plain text, the way a spreadsheet or CSV row of a catalogue edition carries it:
/// "S01","工厂数字化规划设计","工厂建设","工厂建设","基础级,先进级,卓越级,领航级".
/// </summary>
/// <param name="Code">场景编号, e.g. S01.</param>
/// <param name="Name">场景名称.</param>
/// <param name="NationalSegment">国家指引环节 (informational, may be empty).</param>
/// <param name="SubSegment">《典型场景参考标准》子环节, one of the 14 labels (or the English name).</param>
/// <param name="Tiers">适用层级: tier labels separated by , ， 、 ; ； / or spaces, e.g. "基础级,先进级".</param>
/// <param name="Segment">环节 (optional): when given it must agree with the roll-up of <paramref name="SubSegment"/> (要素条件 注 1–5).</param>
public sealed record SceneRow(string? Code, string? Name, string? NationalSegment, string? SubSegment, string? Tiers, string? Segment = null)
{
    /// <summary>
    /// Reads a row of cells in the column order code, name, national 环节, sub-segment, tiers[, segment].
    /// Missing cells read as empty.
    /// </summary>
    public static SceneRow FromCells(IReadOnlyList<string?> cells)
    {
        string? Cell(int i) => i < cells.Count ? cells[i] : null;
        return new SceneRow(Cell(0), Cell(1), Cell(2), Cell(3), Cell(4), Cell(5));
    }
}

/// <summary>The identity of a catalogue edition being imported.</summary>
/// <param name="Code">Stable code, e.g. NM-2025-SCENES.</param>
/// <param name="Version">Version label of the edition.</param>
/// <param name="Name">Chinese name of the edition.</param>
/// <param name="Source">Where the scenes come from (document, date), shown with the catalogue.</param>
/// <param name="EffectiveDate">From when applications may choose scenes from it.</param>
/// <param name="Provisional">True while the edition is not the department's official list (shown as 暂行).</param>
public sealed record SceneCatalogueHeader(string Code, string Version, string Name, string Source, DateOnly EffectiveDate, bool Provisional)
{
    /// <summary>Missing identity fields, named under <paramref name="prefix"/> (e.g. catalogue.name).</summary>
    public IReadOnlyList<InputError> Validate(string prefix = "catalogue")
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Code))
        {
            errors.Add(new InputError($"{prefix}.code", "场景目录编码不能为空"));
        }
        if (string.IsNullOrWhiteSpace(Version))
        {
            errors.Add(new InputError($"{prefix}.version", "场景目录版本号不能为空"));
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new InputError($"{prefix}.name", "场景目录名称不能为空"));
        }
        if (string.IsNullOrWhiteSpace(Source))
        {
            errors.Add(new InputError($"{prefix}.source", "请填写场景目录的来源（依据的文件）"));
        }
        if (EffectiveDate == default)
        {
            errors.Add(new InputError($"{prefix}.effectiveDate", "请填写场景目录的生效日期"));
        }
        return errors.AsReadOnly();
    }
}

/// <summary>The result of building a catalogue from rows: the catalogue, or the errors that prevent it.</summary>
public sealed record SceneCatalogueImport(SceneCatalogue? Catalogue, IReadOnlyList<InputError> Errors)
{
    public bool Succeeded => Catalogue is not null && Errors.Count == 0;
}
