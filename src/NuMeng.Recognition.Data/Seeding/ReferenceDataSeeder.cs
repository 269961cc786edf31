using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Data.Seeding;

/// <summary>
/// Data every installation needs, production included: the roles, the department, the 12 league/city bureaus and the
/// 2025–2026 holiday calendar (HOLIDAYS.md; the department maintains later years). Idempotent: adds what is missing.
/// </summary>
public sealed class ReferenceDataSeeder
{
    public const string DepartmentName = "内蒙古自治区工业和信息化厅";

    /// <summary>Name of a bureau, e.g. 呼和浩特市工业和信息化局.</summary>
    public static string BureauName(string leagueName) => $"{leagueName}工业和信息化局";

    /// <summary>Seeds into a context whose actor may write reference data (the initializer passes the System actor).</summary>
    public async Task SeedAsync(RecognitionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SeedRolesAsync(db, cancellationToken);
        await SeedGovernmentAsync(db, cancellationToken);
        await SeedHolidaysAsync(db, cancellationToken);
        await SeedRuleSetsAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The code's built-in rule-set versions (2024 技术条件 v1, 2025 要素条件 v1) as the first snapshots, active from their
    /// effective date (ADR 0009). A version already stored is never rewritten; a row from before snapshots existed (no
    /// hash, never activated) receives its snapshot once.
    /// </summary>
    public static async Task SeedRuleSetsAsync(RecognitionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var builtIn = new[]
        {
            (RuleSetFamily.Technical, TechnicalConditions2024.Create().Info, RuleSetJson.Serialize(TechnicalConditions2024.Create())),
            (RuleSetFamily.Tiers, TierConditions2025.Create().Info, RuleSetJson.Serialize(TierConditions2025.Create())),
        };
        foreach (var (family, info, json) in builtIn)
        {
            var record = await db.RuleSetRecords.FirstOrDefaultAsync(r => r.Code == info.Code && r.Version == info.Version, cancellationToken);
            if (record is not null && (record.ActivatedAt is not null || record.PayloadSha256.Length > 0))
            {
                continue;
            }
            if (record is null)
            {
                record = new RuleSetRecord { Id = WellKnownIds.For($"ruleset:{info.Key}"), Code = info.Code, Version = info.Version };
                db.RuleSetRecords.Add(record);
            }
            record.Name = info.Name;
            record.SourceDocument = info.SourceDocument;
            record.EffectiveDate = info.EffectiveDate;
            record.Family = family;
            record.SetPayload(json);
            record.ActivatedAt = new DateTimeOffset(info.EffectiveDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
    }

    private static async Task SeedRolesAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in RoleNames.AccountRoles)
        {
            var name = RoleNames.Of(role);
            if (!existing.Contains(name))
            {
                // Identity's default normaliser is upper-invariant (UpperInvariantLookupNormalizer).
                db.Roles.Add(new AppRole(name) { NormalizedName = name.ToUpperInvariant(), Label = RoleNames.Label(role) });
            }
        }
    }

    private static async Task SeedGovernmentAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var existing = await UnfilteredQueries.SeededIdsAsync<Organisation>(db,
            [WellKnownIds.Department, .. InnerMongoliaRegions.Leagues.Select(l => WellKnownIds.Bureau(l.Code))], cancellationToken);
        if (!existing.Contains(WellKnownIds.Department))
        {
            db.Organisations.Add(new Organisation
            {
                Id = WellKnownIds.Department,
                Kind = OrganisationKind.Department,
                Name = DepartmentName,
                LeagueCode = null,
                Address = "内蒙古自治区呼和浩特市",
            });
        }
        foreach (var league in InnerMongoliaRegions.Leagues)
        {
            var id = WellKnownIds.Bureau(league.Code);
            if (!existing.Contains(id))
            {
                db.Organisations.Add(new Organisation
                {
                    Id = id,
                    Kind = OrganisationKind.Bureau,
                    Name = BureauName(league.Name),
                    LeagueCode = league.Code,
                    LeagueConfirmed = true,
                });
            }
        }
    }

    private static async Task SeedHolidaysAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.HolidayEntries.Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var entry in HolidayCalendars.China2025And2026Entries())
        {
            if (existing.Contains(entry.Date))
            {
                continue;
            }
            db.HolidayEntries.Add(new Reference.HolidayEntry
            {
                Id = WellKnownIds.For($"holiday:{entry.Date:yyyy-MM-dd}"),
                Date = entry.Date,
                Name = entry.Name,
                Kind = entry.Kind == HolidayEntryKind.MakeUpWorkingDay ? HolidayKind.MakeUpWorkday : HolidayKind.Holiday,
            });
        }
    }
}
