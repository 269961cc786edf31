namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>Orders version labels numerically when they are numbers ("2" before "10"), else ordinally.</summary>
public static class RuleSetVersions
{
    public static IComparer<string> Order { get; } = Comparer<string>.Create((a, b) =>
        int.TryParse(a, out var x) && int.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b));
}

/// <summary>One stored version in the list.</summary>
public sealed record RuleSetVersionRow(
    Guid Id, Guid Stamp, string Code, string Version, string Name, RuleSetFamily Family, string SourceDocument, DateOnly EffectiveDate,
    string? BasedOnVersion, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, int Batches)
{
    public string Key => $"{Code}@{Version}";

    public bool Active => ActivatedAt is not null;

    public string FamilyLabel => Family == RuleSetFamily.Tiers ? "基础级、先进级、卓越级、领航级智能工厂" : "数字化车间、智能工厂";
}

/// <summary>A stored version with its rules read from the snapshot.</summary>
public sealed record RuleSetVersionDetail(RuleSetVersionRow Row, TechnicalRuleSet? Technical, TierRuleSet? Tiers)
{
    public IReadOnlyList<RuleSetFigure> Figures => Technical is { } t ? RuleSetFigures.Of(t) : RuleSetFigures.Of(Tiers!);
}

/// <summary>What the department types to derive a new version: its label, name, date and the changed figures.</summary>
public sealed record RuleSetDraftInput(string Version, string Name, DateOnly? EffectiveDate, IReadOnlyDictionary<string, string?> Figures);

/// <summary>Two versions side by side: the base, the draft, and every difference.</summary>
public sealed record RuleSetComparison(RuleSetVersionRow Before, RuleSetVersionRow After, IReadOnlyList<RuleSetChange> Changes);

/// <summary>
/// Rule-set versions (ADR 0009; 管理办法 第十三条: the department publishes and adjusts the conditions). 工信厅经办人 (or
/// 负责人) derives a draft by copying a stored version and changing figures; the difference from its base is shown side by
/// side; 工信厅负责人 activates it (another person than the one who prepared it), after which new batches may name it and the
/// row is locked. Every step is audited. Drafts may be discarded; an activated version is never changed nor deleted.
/// </summary>
public sealed class RuleSetVersionService(IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, TimeProvider clock)
{
    public const string LeaderOnlyMessage = "规则集新版本须由工信厅负责人核对差异后启用";
    public const string FourEyesMessage = "起草该版本的人员不能同时启用它，请由另一位工信厅负责人核对后启用";

    /// <summary>Every stored version, by code then version.</summary>
    public async Task<IReadOnlyList<RuleSetVersionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.RuleSetRecords.AsNoTracking()
            .Select(r => new { r.Id, r.ConcurrencyStamp, r.Code, r.Version, r.Name, r.Family, r.SourceDocument, r.EffectiveDate, r.BasedOnVersion, r.PayloadSha256, r.CreatedAt, r.ActivatedAt })
            .ToListAsync(cancellationToken);
        var uses = await db.Batches.AsNoTracking().GroupBy(b => new { b.RuleSetCode, b.RuleSetVersion })
            .Select(g => new { g.Key.RuleSetCode, g.Key.RuleSetVersion, Count = g.Count() }).ToListAsync(cancellationToken);
        return records
            .Select(r => new RuleSetVersionRow(r.Id, r.ConcurrencyStamp, r.Code, r.Version, r.Name, r.Family, r.SourceDocument, r.EffectiveDate,
                r.BasedOnVersion, r.PayloadSha256, r.CreatedAt, r.ActivatedAt,
                uses.FirstOrDefault(u => u.RuleSetCode == r.Code && u.RuleSetVersion == r.Version)?.Count ?? 0))
            .OrderBy(r => r.Family).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Version, RuleSetVersions.Order)
            .ToList();
    }

    /// <summary>One version with its rules, or null.</summary>
    public async Task<RuleSetVersionDetail?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.RuleSetRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }
        var rules = RuleSetResolver.Parse(record);
        return new RuleSetVersionDetail(await RowAsync(db, record, cancellationToken), rules as TechnicalRuleSet, rules as TierRuleSet);
    }

    /// <summary>
    /// Saves a draft copied from <paramref name="baseId"/> with the changed figures. Refused for other roles; every error is
    /// in Chinese on its field (version, name, effectiveDate, or the figure's key).
    /// </summary>
    public Task<StepOutcome> CreateDraftAsync(Guid baseId, RuleSetDraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var version = (input.Version ?? string.Empty).Trim();
        var name = (input.Name ?? string.Empty).Trim();
        return procedure.RunAsync(new Step<NewVersion>
        {
            Desk = Desk.Department,
            Id = v => v.Record.Id,
            Load = async s => await s.Db.RuleSetRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == baseId, s.Cancellation) is { } source
                ? new NewVersion(source, new RuleSetRecord
                {
                    Code = source.Code, Version = version, Name = name, SourceDocument = source.SourceDocument, Family = source.Family,
                    BasedOnVersion = source.Version, CreatedByUserId = s.User.UserId,
                })
                : null,
            Work = async (s, v) =>
            {
                var (errors, json, effective) = await DraftAsync(s.Db, v.Source, version, name, input, s.Cancellation);
                if (errors.Count > 0 || json is null)
                {
                    return StepOutcome.Invalid(errors);
                }
                v.Record.EffectiveDate = effective;
                v.Record.SetPayload(json);
                s.Db.RuleSetRecords.Add(v.Record);
                return null;
            },
            Audit = (_, v) => [AuditKinds.RuleSetDraft.For(v.Record.Id, new
            {
                key = v.Record.Key, basedOn = v.Source.Key, sha256 = v.Record.PayloadSha256,
                changes = v.Changes.Select(c => new { c.Path, c.Before, c.After }).ToList(),
            })],
            Done = v => $"已保存草稿 {v.Record.Key}（{v.Changes.Count(c => !c.Path.StartsWith("info", StringComparison.Ordinal))} 处数值变化），请核对差异后由工信厅负责人启用",
        }, cancellationToken);
    }

    /// <summary>A draft being copied from <see cref="Source"/>.</summary>
    private sealed record NewVersion(RuleSetRecord Source, RuleSetRecord Record)
    {
        public IReadOnlyList<RuleSetChange> Changes => RuleSetDiff.Compare(Source.PayloadJson, Record.PayloadJson);
    }

    /// <summary>The draft's errors, or its canonical JSON and its effective date.</summary>
    private static async Task<(List<InputError> Errors, string? Json, DateOnly EffectiveDate)> DraftAsync(RecognitionDbContext db, RuleSetRecord source,
        string version, string name, RuleSetDraftInput input, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (version.Length == 0)
        {
            errors.Add(new("version", "请填写新版本号，例如 2"));
        }
        else if (version.Length > 64 || version.Any(c => char.IsWhiteSpace(c) || c == '@'))
        {
            errors.Add(new("version", "版本号不能超过 64 个字符，不能含空格或 @"));
        }
        else if (await db.RuleSetRecords.AnyAsync(r => r.Code == source.Code && r.Version == version, cancellationToken))
        {
            errors.Add(new("version", $"规则集 {source.Code}@{version} 已存在，请使用新的版本号"));
        }
        if (name.Length == 0)
        {
            errors.Add(new("name", "请填写版本名称"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new("name", "版本名称不能超过 200 个字符"));
        }
        if (input.EffectiveDate is null)
        {
            errors.Add(new("effectiveDate", "请填写适用起始日"));
        }
        var rules = RuleSetResolver.Parse(source);
        var info = (rules is TechnicalRuleSet t ? t.Info : ((TierRuleSet)rules).Info) with
        {
            Version = version, Name = name, EffectiveDate = input.EffectiveDate ?? default,
        };
        string? json = null;
        if (rules is TechnicalRuleSet tech)
        {
            var edit = RuleSetFigures.Apply(tech, info, input.Figures);
            errors.AddRange(edit.Errors);
            json = edit.Rules is { } r ? RuleSetJson.Serialize(r) : null;
        }
        else
        {
            var edit = RuleSetFigures.Apply((TierRuleSet)rules, info, input.Figures);
            errors.AddRange(edit.Errors);
            json = edit.Rules is { } r ? RuleSetJson.Serialize(r) : null;
        }
        return (errors, json, info.EffectiveDate);
    }

    /// <summary>The draft (or any version) against the version it was copied from, or against <paramref name="otherId"/>.</summary>
    public async Task<RuleSetComparison?> CompareAsync(Guid id, Guid? otherId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var after = await db.RuleSetRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (after is null)
        {
            return null;
        }
        var before = otherId is { } other
            ? await db.RuleSetRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == other && r.Code == after.Code, cancellationToken)
            : after.BasedOnVersion is { } basedOn
                ? await db.RuleSetRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Code == after.Code && r.Version == basedOn, cancellationToken)
                : null;
        if (before is null)
        {
            return null;
        }
        return new RuleSetComparison(await RowAsync(db, before, cancellationToken), await RowAsync(db, after, cancellationToken),
            RuleSetDiff.Compare(before.PayloadJson, after.PayloadJson));
    }

    /// <summary>
    /// 启用: new batches may name the version from now on; the row is locked (ILockableRow). Only 工信厅负责人, not the
    /// person who prepared it, and only with the confirmation ticked.
    /// </summary>
    public Task<StepOutcome> ActivateAsync(Guid id, Guid expectedStamp, bool confirmed, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<RuleSetRecord>
        {
            Desk = Desk.Department,
            Id = _ => id,
            Load = s => s.Db.RuleSetRecords.FirstOrDefaultAsync(r => r.Id == id, s.Cancellation),
            AlreadyDone = record => record.ActivatedAt is not null ? $"规则集 {record.Key} 已启用，无需重复操作" : null,
            Decide = (s, record) => !s.User.Roles.Contains(ActorRole.DepartmentLeader) ? Ruling.Refuse(LeaderOnlyMessage)
                : record.CreatedByUserId == s.User.UserId ? Ruling.Refuse(FourEyesMessage)
                : Ruling.Allow(ActorRole.DepartmentLeader),
            Validate = _ => confirmed ? [] : [new("confirm", "请核对差异后勾选确认：启用后该版本不能再修改")],
            Stamp = expectedStamp,
            Work = (s, record) =>
            {
                if (!record.HashMatches())
                {
                    return Task.FromResult<StepOutcome?>(StepOutcome.Refused($"规则集 {record.Key} 的快照与其 SHA-256 不符，不能启用"));
                }
                record.ActivatedAt = clock.GetUtcNow();
                record.ActivatedByUserId = s.User.UserId;
                return Task.FromResult<StepOutcome?>(null);
            },
            Audit = (_, record) => [AuditKinds.RuleSetActivate.For(record.Id, new
            {
                key = record.Key, basedOn = record.BasedOnVersion, sha256 = record.PayloadSha256, activatedAt = record.ActivatedAt,
            })],
            Done = record => $"规则集 {record.Key} 已启用，新建批次可以选择；已有批次仍按各自的版本评价",
        }, cancellationToken);

    /// <summary>放弃草稿: deletes a version never activated (an activated one is locked and refused).</summary>
    public Task<StepOutcome> DiscardAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<RuleSetRecord>
        {
            Desk = Desk.Department,
            Load = s => s.Db.RuleSetRecords.FirstOrDefaultAsync(r => r.Id == id, s.Cancellation),
            Decide = (_, record) => record.ActivatedAt is not null ? Ruling.Refuse($"规则集 {record.Key} 已启用，不能删除或修改") : Ruling.Allow(),
            Stamp = expectedStamp,
            Work = (s, record) =>
            {
                s.Db.RuleSetRecords.Remove(record);
                return Task.FromResult<StepOutcome?>(null);
            },
            Audit = (_, record) => [AuditKinds.RuleSetDiscard.For(record.Id, new { key = record.Key, sha256 = record.PayloadSha256 })],
            Done = record => $"已放弃草稿 {record.Key}",
        }, cancellationToken);

    private static async Task<RuleSetVersionRow> RowAsync(RecognitionDbContext db, RuleSetRecord r, CancellationToken cancellationToken)
    {
        var batches = await db.Batches.CountAsync(b => b.RuleSetCode == r.Code && b.RuleSetVersion == r.Version, cancellationToken);
        return new RuleSetVersionRow(r.Id, r.ConcurrencyStamp, r.Code, r.Version, r.Name, r.Family, r.SourceDocument, r.EffectiveDate,
            r.BasedOnVersion, r.PayloadSha256, r.CreatedAt, r.ActivatedAt, batches);
    }
}
