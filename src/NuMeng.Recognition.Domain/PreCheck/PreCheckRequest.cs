namespace NuMeng.Recognition.Domain.PreCheck;

/// <summary>
/// What a pre-check (申报前自评估) submits: the kind applied for and the figures. The same shape is the JSON format of
/// POST /api/v1/precheck and of the command-line tool (docs/precheck-format.md), and the field names of the /precheck form.
/// </summary>
public sealed record PreCheckRequest
{
    /// <summary>认定类型: digitalWorkshop, smartFactory, tierBasic, tierAdvanced, tierExcellent, tierLeading.</summary>
    public RecognitionKind? Kind { get; init; }

    /// <summary>评估日期 for look-back periods (近三年); defaults to today.</summary>
    public DateOnly? AssessmentDate { get; init; }

    /// <summary>企业基本情况与资格声明 (管理办法 第五条、第六条; 2025 基础要求). Optional: without it eligibility is not assessed.</summary>
    public EligibilityInput? Enterprise { get; init; }

    /// <summary>技术指标 (2024 技术条件), required for digitalWorkshop and smartFactory.</summary>
    public TechnicalIndicators? Technical { get; init; }

    /// <summary>效益指标原始数据 (2024 技术条件 一（五）、二（一）7 and 三).</summary>
    public KpiInputs? Kpi { get; init; }

    /// <summary>场景与成熟度 (2025 梯度培育要素条件), required for the tier kinds.</summary>
    public TierInput? Tier { get; init; }
}
