namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>The intake list's address with its filters, and the addresses built on it (confirmations, results).</summary>
public sealed record IntakeLinks(Guid? Batch, string? League)
{
    public string List
    {
        get
        {
            var parts = new List<string>();
            if (Batch is { } b) parts.Add($"batch={b:D}");
            if (!string.IsNullOrEmpty(League)) parts.Add($"league={Uri.EscapeDataString(League)}");
            return parts.Count == 0 ? "/department/intake" : "/department/intake?" + string.Join('&', parts);
        }
    }

    private string With(string query) => $"{List}{(List.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{query}";

    /// <summary>The confirmation step of an action on one application.</summary>
    public string Action(string action, Guid id) => With($"{action}={id:D}") + "#confirm";

    /// <summary>The list again with the result of a step.</summary>
    public string Done(string code) => With($"done={code}");
}
