namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// A versioned edition of the typical-scene catalogue (《典型场景参考标准》, 要素条件 附件 3). The scenes are data the
/// department maintains and re-imports; a batch names the edition its applications choose scenes from.
/// Scene codes are compared trimmed and case-insensitively.
/// </summary>
public sealed class SceneCatalogue
{
    private readonly Dictionary<string, Scene> byCode;

    /// <summary>Builds an edition from scenes made in code.</summary>
    /// <exception cref="ArgumentException">The identity or the scenes are invalid (the message lists every problem in Chinese).</exception>
    public SceneCatalogue(string code, string version, string name, string source, DateOnly effectiveDate, bool provisional, IEnumerable<Scene> scenes)
    {
        var list = scenes.ToList();
        var errors = new SceneCatalogueHeader(code, version, name, source, effectiveDate, provisional).Validate()
            .Concat(ValidateScenes(list)).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("场景目录无效：" + string.Join("；", errors), nameof(scenes));
        }

        Code = code.Trim();
        Version = version.Trim();
        Name = name.Trim();
        Source = source.Trim();
        EffectiveDate = effectiveDate;
        Provisional = provisional;
        Scenes = list.AsReadOnly();
        byCode = list.ToDictionary(s => s.Code.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    public string Code { get; }

    public string Version { get; }

    public string Name { get; }

    /// <summary>Where the scenes come from; for the provisional edition it says so.</summary>
    public string Source { get; }

    public DateOnly EffectiveDate { get; }

    /// <summary>True while the edition is not the department's official list; show 暂行 wherever it is displayed.</summary>
    public bool Provisional { get; }

    /// <summary>All scenes in edition order.</summary>
    public IReadOnlyList<Scene> Scenes { get; }

    /// <summary>Code@Version, the key a batch stores.</summary>
    public string Key => $"{Code}@{Version}";

    /// <summary>The name as it must be shown: provisional editions carry （暂行）.</summary>
    public string DisplayName => Provisional ? $"{Name}（暂行）" : Name;

    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code.Trim());

    public bool TryFind(string? code, out Scene scene)
    {
        if (code is not null && byCode.TryGetValue(code.Trim(), out var found))
        {
            scene = found;
            return true;
        }
        scene = null!;
        return false;
    }

    /// <summary>The scene with this code, or null.</summary>
    public Scene? Find(string? code) => TryFind(code, out var scene) ? scene : null;

    /// <summary>The scenes on a tier's list (《典型场景参考标准-X级》).</summary>
    public IReadOnlyList<Scene> ScenesFor(TierLevel tier) => Scenes.Where(s => s.IsOnListOf(tier)).ToList().AsReadOnly();

    public IReadOnlyList<Scene> ScenesIn(Segment segment) => Scenes.Where(s => s.Segment == segment).ToList().AsReadOnly();

    public IReadOnlyList<Scene> ScenesIn(SubSegment subSegment) => Scenes.Where(s => s.SubSegment == subSegment).ToList().AsReadOnly();

    /// <summary>
    /// Checks an imported edition given as plain rows: identity fields, empty codes and names, duplicate codes,
    /// unknown sub-segments, segments that contradict the roll-up (要素条件 注 1–5), unknown or missing tiers.
    /// Fields are named <c>{prefix}.scenes[i].subSegment</c>; messages count rows from 1 (第 1 条).
    /// </summary>
    public static IReadOnlyList<InputError> Validate(SceneCatalogueHeader header, IEnumerable<SceneRow> rows, string prefix = "catalogue") =>
        Parse(header, rows, prefix).Errors;

    /// <summary>Builds an edition from plain rows, or returns why it cannot.</summary>
    public static SceneCatalogueImport FromRows(SceneCatalogueHeader header, IEnumerable<SceneRow> rows, string prefix = "catalogue") =>
        Parse(header, rows, prefix);

    /// <summary>Builds an edition from rows of cells (see <see cref="SceneRow.FromCells"/> for the column order).</summary>
    public static SceneCatalogueImport FromRows(SceneCatalogueHeader header, IEnumerable<IReadOnlyList<string?>> rows, string prefix = "catalogue") =>
        Parse(header, rows.Select(SceneRow.FromCells), prefix);

    private static SceneCatalogueImport Parse(SceneCatalogueHeader header, IEnumerable<SceneRow> rows, string prefix)
    {
        var errors = header.Validate(prefix).ToList();
        var rowList = rows.ToList();
        var scenes = new List<Scene>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (rowList.Count == 0)
        {
            errors.Add(new InputError($"{prefix}.scenes", "场景目录中没有任何场景"));
        }

        for (var i = 0; i < rowList.Count; i++)
        {
            var row = rowList[i];
            var at = $"{prefix}.scenes[{i}]";
            var rowNo = $"第 {i + 1} 条场景";
            var rowOk = true;

            var code = row.Code?.Trim() ?? "";
            if (code.Length == 0)
            {
                errors.Add(new InputError($"{at}.code", $"{rowNo}：场景编号不能为空"));
                rowOk = false;
            }
            else if (firstRowOfCode.TryGetValue(code, out var first))
            {
                errors.Add(new InputError($"{at}.code", $"{rowNo}：场景编号“{code}”重复（与第 {first + 1} 条相同）"));
                rowOk = false;
            }
            else
            {
                firstRowOfCode[code] = i;
            }

            var name = row.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add(new InputError($"{at}.name", $"{rowNo}：场景名称不能为空"));
                rowOk = false;
            }

            SubSegment subSegment = default;
            if (string.IsNullOrWhiteSpace(row.SubSegment))
            {
                errors.Add(new InputError($"{at}.subSegment", $"{rowNo}：所属子环节不能为空，应为以下之一：{SubSegments.AllLabels}"));
                rowOk = false;
            }
            else if (!SubSegments.TryParse(row.SubSegment, out subSegment))
            {
                errors.Add(new InputError($"{at}.subSegment",
                    $"{rowNo}：未知的子环节“{row.SubSegment.Trim()}”，应为《典型场景参考标准》的以下之一：{SubSegments.AllLabels}"));
                rowOk = false;
            }
            else if (!string.IsNullOrWhiteSpace(row.Segment))
            {
                if (!Segments.TryParse(row.Segment, out var segment))
                {
                    errors.Add(new InputError($"{at}.segment",
                        $"{rowNo}：未知的环节“{row.Segment.Trim()}”，应为以下之一：{Segments.JoinLabels(Segments.All)}"));
                    rowOk = false;
                }
                else if (segment != SubSegments.SegmentOf(subSegment))
                {
                    var expected = SubSegments.SegmentOf(subSegment);
                    errors.Add(new InputError($"{at}.segment",
                        $"{rowNo}：环节“{Segments.Label(segment)}”与子环节“{SubSegments.Label(subSegment)}”不符：按要素条件{Segments.RollUpClause(expected).Article}，{SubSegments.Label(subSegment)}属于{Segments.Label(expected)}"));
                    rowOk = false;
                }
            }

            var tiers = new List<TierLevel>();
            var tierTokens = (row.Tiers ?? "").Split(TierSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tierTokens.Length == 0)
            {
                errors.Add(new InputError($"{at}.tiers", $"{rowNo}：至少要列入一个层级的场景清单（基础级、先进级、卓越级、领航级）"));
                rowOk = false;
            }
            foreach (var token in tierTokens)
            {
                if (!TierLevels.TryParse(token, out var tier))
                {
                    errors.Add(new InputError($"{at}.tiers", $"{rowNo}：未知的层级“{token}”，应为基础级、先进级、卓越级或领航级"));
                    rowOk = false;
                }
                else if (!tiers.Contains(tier))
                {
                    tiers.Add(tier);
                }
            }

            if (rowOk)
            {
                tiers.Sort();
                scenes.Add(new Scene(code, name, row.NationalSegment?.Trim() ?? "", subSegment, tiers.AsReadOnly()));
            }
        }

        if (errors.Count > 0)
        {
            return new SceneCatalogueImport(null, errors.AsReadOnly());
        }
        var catalogue = new SceneCatalogue(header.Code, header.Version, header.Name, header.Source, header.EffectiveDate, header.Provisional, scenes);
        return new SceneCatalogueImport(catalogue, []);
    }

    private static readonly char[] TierSeparators = [',', '，', '、', ';', '；', '/', ' ', '|'];

    /// <summary>Checks scenes built in code (same rules as an import).</summary>
    private static List<InputError> ValidateScenes(List<Scene> scenes, string prefix = "catalogue")
    {
        var errors = new List<InputError>();
        if (scenes.Count == 0)
        {
            errors.Add(new InputError($"{prefix}.scenes", "场景目录中没有任何场景"));
        }
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scenes.Count; i++)
        {
            var scene = scenes[i];
            var at = $"{prefix}.scenes[{i}]";
            var code = scene.Code?.Trim() ?? "";
            if (code.Length == 0)
            {
                errors.Add(new InputError($"{at}.code", $"第 {i + 1} 条场景：场景编号不能为空"));
            }
            else if (seen.TryGetValue(code, out var first))
            {
                errors.Add(new InputError($"{at}.code", $"第 {i + 1} 条场景：场景编号“{code}”重复（与第 {first + 1} 条相同）"));
            }
            else
            {
                seen[code] = i;
            }
            if (string.IsNullOrWhiteSpace(scene.Name))
            {
                errors.Add(new InputError($"{at}.name", $"第 {i + 1} 条场景：场景名称不能为空"));
            }
            if (!Enum.IsDefined(scene.SubSegment))
            {
                errors.Add(new InputError($"{at}.subSegment", $"第 {i + 1} 条场景：未知的子环节"));
            }
            if (scene.Tiers is null || scene.Tiers.Count == 0)
            {
                errors.Add(new InputError($"{at}.tiers", $"第 {i + 1} 条场景：至少要列入一个层级的场景清单（基础级、先进级、卓越级、领航级）"));
            }
            else if (scene.Tiers.Any(t => !Enum.IsDefined(t)))
            {
                errors.Add(new InputError($"{at}.tiers", $"第 {i + 1} 条场景：未知的层级"));
            }
        }
        return errors;
    }
}
