using System.Globalization;
using Microsoft.Extensions.Primitives;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>
/// The optional filters an export takes from its query string, the same words the list pages use:
/// <c>batch</c> (batch id), <c>state</c> (an <see cref="ApplicationState"/> name), <c>league</c> (a 盟市 code such as
/// 1502), <c>kind</c> (a <see cref="RecognitionKind"/> name or its Chinese label) and <c>year</c> (the batch year).
/// Filters only narrow what the tenancy filter already lets the actor see; they never widen it.
/// </summary>
public sealed record ExportFilter(Guid? BatchId = null, ApplicationState? State = null, string? LeagueCode = null,
    RecognitionKind? Kind = null, int? Year = null)
{
    /// <summary>No filter.</summary>
    public static ExportFilter None { get; } = new();

    /// <summary>The query-string keys this filter reads.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["batch", "state", "league", "kind", "year"];

    /// <summary>
    /// Reads the filter from a query string. A value that is given but cannot be read is an error (a Chinese message
    /// naming the parameter), never silently ignored: an export that quietly dropped a filter would hand out more rows
    /// than the user asked for.
    /// </summary>
    public static (ExportFilter? Filter, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        Guid? batch = null;
        if (Get("batch") is { } b)
        {
            if (!Guid.TryParse(b, out var id))
            {
                return (null, $"参数 batch（批次）无法识别：{b}");
            }
            batch = id;
        }
        ApplicationState? state = null;
        if (Get("state") is { } s)
        {
            var parsed = Enum.GetValues<ApplicationState>()
                .Where(x => string.Equals(x.ToString(), s, StringComparison.OrdinalIgnoreCase) || WorkflowLabels.State(x) == s)
                .Select(x => (ApplicationState?)x)
                .FirstOrDefault();
            if (parsed is null)
            {
                return (null, $"参数 state（申报状态）无法识别：{s}");
            }
            state = parsed;
        }
        string? league = null;
        if (Get("league") is { } l)
        {
            var region = InnerMongoliaRegions.ByCode(l) ?? InnerMongoliaRegions.All.FirstOrDefault(r => r.Name == l);
            if (region is null)
            {
                return (null, $"参数 league（盟市）无法识别：{l}");
            }
            league = region.Code;
        }
        RecognitionKind? kind = null;
        if (Get("kind") is { } k)
        {
            if (!RecognitionKinds.TryParse(k, out var parsedKind))
            {
                return (null, $"参数 kind（认定类型）无法识别：{k}");
            }
            kind = parsedKind;
        }
        int? year = null;
        if (Get("year") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear) || parsedYear < 2000 || parsedYear > 2100)
            {
                return (null, $"参数 year（年度）应为 2000 至 2100 之间的年份：{y}");
            }
            year = parsedYear;
        }
        return (new ExportFilter(batch, state, league, kind, year), null);
    }

    /// <summary>The filter as the audit log records it (only what was given).</summary>
    public IReadOnlyDictionary<string, string> ToAudit()
    {
        var audit = new Dictionary<string, string>(StringComparer.Ordinal);
        if (BatchId is { } b)
        {
            audit["batch"] = b.ToString("D");
        }
        if (State is { } s)
        {
            audit["state"] = s.ToString();
        }
        if (LeagueCode is { } l)
        {
            audit["league"] = l;
        }
        if (Kind is { } k)
        {
            audit["kind"] = k.ToString();
        }
        if (Year is { } y)
        {
            audit["year"] = y.ToString(CultureInfo.InvariantCulture);
        }
        return audit;
    }
}
