namespace NuMeng.Recognition.Domain.Rules;

/// <summary>
/// Where a rule comes from: the document, the article inside it, and the words of the rule.
/// Every verdict carries one, so a user can always see why a bar exists.
/// </summary>
/// <param name="Document">Short title of the source document, e.g. 2024年自治区数字化车间和智能工厂认定技术条件.</param>
/// <param name="Article">The article or item inside the document, e.g. 一（一） or 第十二条.</param>
/// <param name="Text">The words of the rule as the document states them (may be abridged).</param>
public sealed record Clause(string Document, string Article, string Text)
{
    /// <summary>Citation as printed in Chinese documents: 《文件》条款.</summary>
    public string Citation => $"《{Document}》{Article}";

    public override string ToString() => Citation;
}
