namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// Whether a scene catalogue edition may be named by new batches. The built-in provisional 2025 edition
/// (<see cref="SceneCatalogues.Provisional2025"/>) is active from the start (it is what every tier pre-check uses); an
/// imported edition once the department has activated it.
/// </summary>
public static class SceneEditionState
{
    public static bool IsBuiltIn(string code, string version) =>
        SceneCatalogues.Provisional2025() is var p && p.Code == code && p.Version == version;

    public static bool IsActive(string code, string version, DateTimeOffset? activatedAt) => activatedAt is not null || IsBuiltIn(code, version);
}

/// <summary>One edition in the list.</summary>
public sealed record SceneEditionRow(Guid Id, Guid Stamp, string Code, string Version, string Name, string Source, DateOnly EffectiveDate,
    bool Active, DateTimeOffset? ActivatedAt, DateTimeOffset ImportedAt, bool BuiltIn, int Batches)
{
    public string Key => $"{Code}@{Version}";
}

/// <summary>An edition with its scenes (the preview).</summary>
public sealed record SceneEditionPreview(SceneEditionRow Edition, SceneCatalogue Catalogue)
{
    /// <summary>Scenes per segment (要素条件 注 1–5), in the document's order.</summary>
    public IReadOnlyList<(Segment Segment, int Count)> BySegment =>
        Segments.All.Select(s => (s, Catalogue.ScenesIn(s).Count)).ToList();

    /// <summary>Scenes on each tier's list.</summary>
    public IReadOnlyList<(TierLevel Tier, int Count)> ByTier =>
        TierLevels.All.Select(t => (t, Catalogue.ScenesFor(t).Count)).ToList();
}

/// <summary>The identity of an edition being imported, as typed on the form.</summary>
public sealed record SceneImportInput(string Code, string Version, string Name, string Source, DateOnly? EffectiveDate, bool Provisional)
{
    public SceneCatalogueHeader ToHeader() =>
        new(Code.Trim(), Version.Trim(), Name.Trim(), Source.Trim(), EffectiveDate ?? default, Provisional);
}

/// <summary>
/// 典型场景目录 (要素条件 附件 3) editions: import from a spreadsheet (validated by the domain, saved as an edition that is
/// not yet active), preview, and activate for new batches. A batch keeps the edition it names.
/// </summary>
public sealed class SceneCatalogueService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, Procedure procedure, TimeProvider clock, IOptions<SceneImportLimits> limits)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every edition, the active ones first, newest first.</summary>
    public async Task<IReadOnlyList<SceneEditionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.SceneCatalogueRecords.AsNoTracking().ToListAsync(cancellationToken);
        var uses = await db.Batches.AsNoTracking().Where(b => b.SceneCatalogueCode != null)
            .GroupBy(b => new { b.SceneCatalogueCode, b.SceneCatalogueVersion })
            .Select(g => new { g.Key.SceneCatalogueCode, g.Key.SceneCatalogueVersion, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return records
            .Select(r => Row(r, uses.FirstOrDefault(u => u.SceneCatalogueCode == r.Code && u.SceneCatalogueVersion == r.Version)?.Count ?? 0))
            .OrderByDescending(r => r.Active).ThenByDescending(r => r.EffectiveDate).ThenByDescending(r => r.ImportedAt)
            .ToList();
    }

    /// <summary>One edition with its scenes, or null.</summary>
    public async Task<SceneEditionPreview?> PreviewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.SceneCatalogueRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }
        var batches = await db.Batches.CountAsync(b => b.SceneCatalogueCode == record.Code && b.SceneCatalogueVersion == record.Version, cancellationToken);
        var catalogue = CatalogueOf(record);
        return catalogue is null ? null : new SceneEditionPreview(Row(record, batches), catalogue);
    }

    /// <summary>
    /// Reads the spreadsheet, validates it with the domain and saves the edition, not yet active. Every error names the
    /// Excel row and column. Nothing is saved when there is any error.
    /// </summary>
    public async Task<StepOutcome> ImportAsync(SceneImportInput input, Stream? file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
        {
            return StepOutcome.Refused(Desk.Department.Refusal);
        }
        var header = input.ToHeader();
        var errors = header.Validate("catalogue").Select(e => new InputError(e.Field.Replace("catalogue.", "", StringComparison.Ordinal), e.Message)).ToList();
        if (header.Code.Length > 64 || header.Version.Length > 64)
        {
            errors.Add(new("version", "目录编码和版本号均不能超过 64 个字符"));
        }
        if (header.Name.Length > 200 || header.Source.Length > 200)
        {
            errors.Add(new("name", "目录名称和来源均不能超过 200 个字符"));
        }
        if (errors.Count == 0 && await db.SceneCatalogueRecords.AnyAsync(r => r.Code == header.Code && r.Version == header.Version, cancellationToken))
        {
            errors.Add(new("version", $"场景目录 {header.Code}@{header.Version} 已存在，请使用新的版本号"));
        }
        if (file is null)
        {
            errors.Add(new("file", "请选择要导入的 Excel 文件（.xlsx）"));
            return await RefusedAsync(db, input, null, errors, cancellationToken);
        }
        var (rows, readErrors) = SceneSpreadsheet.Read(file, limits.Value);
        errors.AddRange(readErrors);
        if (errors.Count > 0)
        {
            return await RefusedAsync(db, input, SizeOf(file), errors, cancellationToken);
        }
        var import = SceneSpreadsheet.Build(header, rows);
        if (!import.Succeeded)
        {
            return await RefusedAsync(db, input, SizeOf(file), import.Errors, cancellationToken);
        }
        var catalogue = import.Catalogue!;
        var record = new SceneCatalogueRecord
        {
            Code = catalogue.Code,
            Version = catalogue.Version,
            Name = catalogue.Name,
            SourceDocument = catalogue.Source,
            EffectiveDate = catalogue.EffectiveDate,
            PayloadJson = PayloadOf(catalogue),
        };
        db.SceneCatalogueRecords.Add(record);
        await audit.AppendAsync(db, AuditKinds.SceneImport.For(record.Id, new
        {
            key = catalogue.Key, scenes = catalogue.Scenes.Count, catalogue.Provisional,
        }), cancellationToken);
        return StepOutcome.Done($"已导入 {catalogue.Scenes.Count} 个场景，请核对预览后启用", record.Id);
    }

    /// <summary>
    /// A refused import (oversized, not a workbook, invalid rows) is audited too: who tried what, the file's size and the
    /// first reasons. Only the department's own attempts reach this (others are refused before).
    /// </summary>
    public async Task<StepOutcome> RefuseAsync(SceneImportInput input, long fileBytes, IReadOnlyList<InputError> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
        {
            return StepOutcome.Refused(Desk.Department.Refusal);
        }
        return await RefusedAsync(db, input, fileBytes, errors, cancellationToken);
    }

    private static long? SizeOf(Stream file) => file.CanSeek ? file.Length : null;

    private async Task<StepOutcome> RefusedAsync(RecognitionDbContext db, SceneImportInput input, long? fileBytes, IReadOnlyList<InputError> errors, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(db, new AuditEvent(AuditKinds.SceneImportRefused.Code, AuditKinds.SceneImportRefused.EntityType, null, new
        {
            key = $"{input.Code}@{input.Version}",
            fileBytes,
            errors = errors.Count,
            reasons = errors.Take(5).Select(e => e.Message).ToList(),
        }), cancellationToken);
        return StepOutcome.Invalid(errors);
    }

    /// <summary>启用: new tier batches may name the edition from now on (batches already created keep theirs).</summary>
    public Task<StepOutcome> ActivateAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<SceneCatalogueRecord>
        {
            Desk = Desk.Department,
            Id = _ => id,
            Load = s => s.Db.SceneCatalogueRecords.FirstOrDefaultAsync(r => r.Id == id, s.Cancellation),
            AlreadyDone = record => SceneEditionState.IsActive(record.Code, record.Version, record.ActivatedAt)
                ? $"场景目录 {record.Code}@{record.Version} 已启用，无需重复操作" : null,
            Stamp = expectedStamp,
            Work = (_, record) =>
            {
                record.ActivatedAt = clock.GetUtcNow();
                return Task.FromResult<StepOutcome?>(null);
            },
            Audit = (_, record) => [AuditKinds.SceneActivate.For(record.Id, new { key = $"{record.Code}@{record.Version}", activatedAt = record.ActivatedAt })],
            Done = record => $"场景目录 {record.Code}@{record.Version} 已启用，新建梯度培育批次可以选择",
        }, cancellationToken);

    /// <summary>The catalogue rows as JSON (what a record's PayloadJson holds): labels as the spreadsheet has them.</summary>
    public static string PayloadOf(SceneCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var payload = new ScenePayload(catalogue.Provisional, catalogue.Scenes.Select(s => new ScenePayloadRow(
            s.Code, s.Name, s.NationalSegment, SubSegments.Label(s.SubSegment), string.Join("、", s.Tiers.Select(TierLevels.Label)),
            Segments.Label(s.Segment))).ToList());
        return JsonSerializer.Serialize(payload, Json);
    }

    /// <summary>The edition a record holds (the built-in one from code), or null when its payload is unreadable.</summary>
    public static SceneCatalogue? CatalogueOf(SceneCatalogueRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (SceneEditionState.IsBuiltIn(record.Code, record.Version))
        {
            return SceneCatalogues.Provisional2025();
        }
        try
        {
            var payload = JsonSerializer.Deserialize<ScenePayload>(record.PayloadJson, Json);
            if (payload?.Scenes is null)
            {
                return null;
            }
            var header = new SceneCatalogueHeader(record.Code, record.Version, record.Name, record.SourceDocument, record.EffectiveDate, payload.Provisional);
            return SceneCatalogue.FromRows(header, payload.Scenes.Select(s => new SceneRow(s.Code, s.Name, s.NationalSegment, s.SubSegment, s.Tiers, s.Segment))).Catalogue;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SceneEditionRow Row(SceneCatalogueRecord r, int batches) =>
        new(r.Id, r.ConcurrencyStamp, r.Code, r.Version, r.Name, r.SourceDocument, r.EffectiveDate,
            SceneEditionState.IsActive(r.Code, r.Version, r.ActivatedAt), r.ActivatedAt, r.CreatedAt,
            SceneEditionState.IsBuiltIn(r.Code, r.Version), batches);

    private sealed record ScenePayload(bool Provisional, List<ScenePayloadRow> Scenes);

    private sealed record ScenePayloadRow(string Code, string Name, string NationalSegment, string SubSegment, string Tiers, string Segment);
}
