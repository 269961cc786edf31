using Microsoft.Extensions.Primitives;

namespace NuMeng.Recognition.Web.Infrastructure;

/// <summary>
/// The optional filters every list takes from its query string — its page, its Excel export and its API endpoint alike:
/// <c>batch</c> (batch id), <c>state</c> (an <see cref="ApplicationState"/> name), <c>league</c> (a 盟市 code such as
/// 1502), <c>kind</c> (a <see cref="RecognitionKind"/> name or its Chinese label) and <c>year</c> (the batch year).
/// Filters only narrow what the tenancy filter already lets the actor see; they never widen it.
/// </summary>
public sealed record ListFilter(Guid? BatchId = null, ApplicationState? State = null, string? LeagueCode = null,
    RecognitionKind? Kind = null, int? Year = null, bool UnreadOnly = false)
{
    /// <summary>No filter.</summary>
    public static ListFilter None { get; } = new();

    /// <summary>The query-string keys this filter reads.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["batch", "state", "league", "kind", "year", "unread"];

    /// <summary>
    /// Reads the filter from a query string. A value that is given but cannot be read is an error (a Chinese message
    /// naming the parameter), never silently ignored: a list that quietly dropped a filter would hand out more rows
    /// than the user asked for.
    /// </summary>
    public static (ListFilter? Filter, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
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
        // unread=1: only unread notifications (the notifications list's own filter).
        var unread = Get("unread") is "1" or "true";
        return (new ListFilter(batch, state, league, kind, year, unread), null);
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
        if (UnreadOnly)
        {
            audit["unread"] = "1";
        }
        return audit;
    }
}

/// <summary>
/// Paging of every list: <c>?skip=0&amp;take=50</c>. <see cref="Take"/> null means every row from <see cref="Skip"/> on
/// (a page and an export show all rows unless asked otherwise; the API takes <see cref="ApiDefaultTake"/> by default).
/// </summary>
public readonly record struct ListPaging(int Skip, int? Take)
{
    /// <summary>What the record API returns when no <c>take</c> is given.</summary>
    public const int ApiDefaultTake = 100;

    /// <summary>The most rows one request may ask for.</summary>
    public const int MaxTake = 500;

    /// <summary>Every row.</summary>
    public static ListPaging All { get; } = new(0, null);

    /// <summary>Reads <c>skip</c> and <c>take</c>; a value given but unreadable is a Chinese error naming the parameter.</summary>
    public static (ListPaging Paging, string? Error) Parse(string? skip, string? take, int? defaultTake = null)
    {
        var s = 0;
        var t = 0;
        if (!string.IsNullOrEmpty(skip) && (!int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out s) || s < 0))
        {
            return (All, $"参数 skip 必须是不小于 0 的整数（收到“{skip}”）。");
        }
        if (!string.IsNullOrEmpty(take) && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out t) || t < 1 || t > MaxTake))
        {
            return (All, $"参数 take 必须是 1 到 {MaxTake} 之间的整数（收到“{take}”）。");
        }
        return (new ListPaging(s, string.IsNullOrEmpty(take) ? defaultTake : t), null);
    }

    /// <summary>Reads <c>skip</c> and <c>take</c> from a query string.</summary>
    public static (ListPaging Paging, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query, int? defaultTake = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return Parse(values.GetValueOrDefault("skip"), values.GetValueOrDefault("take"), defaultTake);
    }

    /// <summary>This page of an ordered query (translated to SQL OFFSET/LIMIT).</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var page = Skip > 0 ? ordered.Skip(Skip) : ordered;
        return Take is { } t ? page.Take(t) : page;
    }

    /// <summary>This page of rows ordered in memory.</summary>
    public IReadOnlyList<T> Apply<T>(IEnumerable<T> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var page = ordered.Skip(Skip);
        return Take is { } t ? [.. page.Take(t)] : [.. page];
    }
}

/// <summary>One page of a list: how many rows the caller may see in total, and the rows of this page, in the list's order.</summary>
public sealed record ListPage<T>(int Total, ListPaging Paging, IReadOnlyList<T> Rows);
