namespace NuMeng.Recognition.Domain.Objections;

/// <summary>Who objects (docs/rule-reference.md §9 "Objections"): an individual signs with a real name, a unit seals.</summary>
public enum ObjectorType
{
    /// <summary>个人: real name, contact details, a signed (签名) written objection.</summary>
    Individual,
    /// <summary>单位: the unit's name, contact details, a written objection with its official seal (加盖公章).</summary>
    Unit,
}

/// <summary>
/// What the public objection form hands in. <paramref name="HasScan"/> says whether the signed or sealed scan was uploaded
/// (the file itself is checked by the attachment store, not here).
/// </summary>
/// <param name="Type">Individual or unit; null when not chosen.</param>
/// <param name="Name">Real name of the individual, or name of the unit.</param>
/// <param name="Contact">Telephone and/or address where the department can reach the objector.</param>
/// <param name="Content">The objection: which listed enterprise and what is wrong, with facts.</param>
/// <param name="HasScan">The signed (individual) or sealed (unit) written objection was uploaded.</param>
public sealed record ObjectionSubmission(ObjectorType? Type, string? Name, string? Contact, string? Content, bool HasScan)
{
    /// <summary>Longest name: a unit's full registered name can be long.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Shortest individual name: Chinese real names have at least two characters.</summary>
    public const int MinIndividualNameLength = 2;

    /// <summary>Longest contact line.</summary>
    public const int MaxContactLength = 100;

    /// <summary>Shortest contact: a telephone number has at least 7 digits.</summary>
    public const int MinContactLength = 7;

    /// <summary>Shortest content: an objection must state facts, not a word.</summary>
    public const int MinContentLength = 10;

    /// <summary>Longest content (the details belong in the signed written objection).</summary>
    public const int MaxContentLength = 2000;

    /// <summary>The message for an anonymous objection.</summary>
    public const string AnonymousRefused =
        "不受理匿名异议：个人提出异议须署真实姓名并提供联系方式，单位提出异议须写明单位名称并加盖公章。提出异议者的身份信息将严格保密。";

    /// <summary>
    /// Names that hide who objects. docs/rule-reference.md §9: "anonymous objections are not accepted" — a placeholder is as anonymous as
    /// an empty field.
    /// </summary>
    public static IReadOnlyList<string> AnonymousNames { get; } =
        ["匿名", "无名", "无名氏", "佚名", "某某", "知情人", "知情者", "群众", "一群众", "热心群众", "举报人", "不愿透露姓名", "保密", "anonymous", "无"];

    /// <summary>
    /// Checks the submission; fields are the form's names (<c>type</c>, <c>name</c>, <c>contact</c>, <c>content</c>,
    /// <c>scan</c>) under <paramref name="prefix"/>. Returns every problem at once, in Chinese.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix = "")
    {
        var errors = new List<InputError>();
        var p = string.IsNullOrEmpty(prefix) ? string.Empty : prefix + ".";
        var name = Name?.Trim() ?? string.Empty;
        var contact = Contact?.Trim() ?? string.Empty;
        var content = Content?.Trim() ?? string.Empty;

        if (Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(new InputError(p + "type", "请选择以个人还是单位名义提出异议"));
        }
        if (name.Length == 0 || IsAnonymousName(name))
        {
            errors.Add(new InputError(p + "name", AnonymousRefused));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new InputError(p + "name", $"{NameLabel}不能超过 {MaxNameLength} 个字（现为 {name.Length} 个字）"));
        }
        else if (Type == ObjectorType.Individual && name.Length < MinIndividualNameLength)
        {
            errors.Add(new InputError(p + "name", $"请填写真实姓名（至少 {MinIndividualNameLength} 个字）"));
        }
        else if (name.Any(char.IsDigit))
        {
            errors.Add(new InputError(p + "name", $"{NameLabel}不应包含数字，请填写真实{(Type == ObjectorType.Unit ? "单位名称" : "姓名")}"));
        }

        if (contact.Length == 0)
        {
            errors.Add(new InputError(p + "contact", "请填写联系方式（电话或通信地址），以便核实；不受理无联系方式的异议"));
        }
        else if (contact.Length > MaxContactLength)
        {
            errors.Add(new InputError(p + "contact", $"联系方式不能超过 {MaxContactLength} 个字（现为 {contact.Length} 个字）"));
        }
        else if (contact.Count(char.IsDigit) < MinContactLength)
        {
            errors.Add(new InputError(p + "contact", $"联系方式应包含可以拨通的电话号码（至少 {MinContactLength} 位数字）"));
        }

        if (content.Length < MinContentLength)
        {
            errors.Add(new InputError(p + "content", content.Length == 0
                ? "请填写异议内容：针对名单中的哪家企业、哪项内容，以及事实和理由"
                : $"异议内容过短（{content.Length} 个字），请写明针对的企业、事实和理由（至少 {MinContentLength} 个字）"));
        }
        else if (content.Length > MaxContentLength)
        {
            errors.Add(new InputError(p + "content", $"异议内容不能超过 {MaxContentLength} 个字（现为 {content.Length} 个字），详细材料请写入书面异议扫描件"));
        }

        if (!HasScan)
        {
            errors.Add(new InputError(p + "scan", Type == ObjectorType.Unit
                ? "请上传加盖单位公章的书面异议扫描件（PDF、JPG 或 PNG）"
                : "请上传本人签名的书面异议扫描件（PDF、JPG 或 PNG）"));
        }
        return errors.AsReadOnly();
    }

    private string NameLabel => Type == ObjectorType.Unit ? "单位名称" : "姓名";

    /// <summary>True when <paramref name="name"/> is a placeholder that hides the objector (匿名, 知情人, …).</summary>
    public static bool IsAnonymousName(string? name)
    {
        var n = (name ?? string.Empty).Trim().Trim('。', '.', '、', '，', ',', ' ');
        return n.Length == 0 || AnonymousNames.Any(a => string.Equals(a, n, StringComparison.OrdinalIgnoreCase));
    }
}
