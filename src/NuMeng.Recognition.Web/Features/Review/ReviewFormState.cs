using Microsoft.AspNetCore.Http;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The values of a posted decision form (static SSR), its errors, and the conversion to a <see cref="ReviewDraft"/>.
/// Field names are the JSON paths the services name in their errors (<c>reasons[0].itemKey</c>, <c>opinion</c>,
/// <c>ranking</c>, <c>stampedScan</c>), so each error lands beside its field.
/// </summary>
public sealed class ReviewFormState
{
    public const int MinReasonRows = 3;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public List<InputError> Errors { get; } = [];

    /// <summary>The form's overall message (a refusal or a conflict).</summary>
    public string? Message { get; set; }

    public string Get(string name) => Values.GetValueOrDefault(name, string.Empty);

    public string? ErrorFor(string field)
    {
        var messages = Errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    /// <summary>How many reason rows to show: the filled ones and two empty ones, at least <see cref="MinReasonRows"/>.</summary>
    public int ReasonRows
    {
        get
        {
            var last = -1;
            for (var i = 0; i < ReviewDraft.MaxReasons; i++)
            {
                if (Get($"reasons[{i}].reason").Length > 0 || Get($"reasons[{i}].itemKey").Length > 0)
                {
                    last = i;
                }
            }
            return Math.Min(ReviewDraft.MaxReasons, Math.Max(MinReasonRows, last + 3));
        }
    }

    public static ReviewFormState FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var state = new ReviewFormState();
        foreach (var (key, value) in form)
        {
            state.Values[key] = value.ToString().Trim();
        }
        return state;
    }

    /// <summary>A form prefilled with a prepared draft (the leader signs what the reviewer wrote, or edits it).</summary>
    public static ReviewFormState FromDecision(ReviewDecision? decision)
    {
        var state = new ReviewFormState();
        if (decision is null)
        {
            return state;
        }
        state.Values["decision"] = decision.Decision.ToString();
        state.Values["opinion"] = decision.Opinion;
        state.Values["ranking"] = decision.Ranking?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        for (var i = 0; i < decision.Reasons.Count; i++)
        {
            state.Values[$"reasons[{i}].itemKey"] = decision.Reasons[i].ItemKey;
            state.Values[$"reasons[{i}].reason"] = decision.Reasons[i].Reason;
        }
        return state;
    }

    /// <summary>The decision chosen on the form (null when none or unknown).</summary>
    public BureauDecision? Decision =>
        Enum.TryParse<BureauDecision>(Get("decision"), out var d) && Enum.IsDefined(d) ? d : null;

    /// <summary>The draft the form describes; a ranking that is no whole number is an error of its own.</summary>
    public ReviewDraft ToDraft(BureauDecision decision)
    {
        int? ranking = null;
        var text = Get("ranking");
        if (decision == BureauDecision.Recommend && text.Length > 0)
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r))
            {
                ranking = r;
            }
            else
            {
                Errors.Add(new("ranking", $"排名须为正整数（1 表示第一位），收到“{text}”"));
            }
        }
        var reasons = Enumerable.Range(0, ReviewDraft.MaxReasons)
            .Select(i => new ReviewReason(Get($"reasons[{i}].itemKey"), Get($"reasons[{i}].reason")))
            .ToList();
        return new ReviewDraft(decision, Get("opinion"), ranking, reasons);
    }

    /// <summary>Whether the confirmation box of an irreversible step was ticked.</summary>
    public bool Confirmed => Get("confirm") == "yes";

    public static Guid? ParseGuid(string? text) => Guid.TryParse(text, out var g) ? g : null;
}
