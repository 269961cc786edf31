using NuMeng.Recognition.Domain.Certificates;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Certificates;

/// <summary>The portal's numbering scheme: {prefix}-{award year}-{sequence per year and kind}; the demo's NMDW-2025-0001.</summary>
public class CertificateNumberingTests
{
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, 2025, 1, "NMDW-2025-0001")]   // the demo's first 数字化车间
    [InlineData(RecognitionKind.SmartFactory, 2026, 12, "NMZF-2026-0012")]
    [InlineData(RecognitionKind.TierBasic, 2026, 3, "NMJC-2026-0003")]
    [InlineData(RecognitionKind.TierAdvanced, 2026, 9999, "NMXJ-2026-9999")]
    [InlineData(RecognitionKind.TierExcellent, 2027, 10000, "NMZY-2027-10000")] // a 10,000th gets five digits
    [InlineData(RecognitionKind.TierLeading, 2030, 1, "NMLH-2030-0001")]
    public void Format_KindYearSequence_Number(RecognitionKind kind, int year, int sequence, string expected)
    {
        Assert.Equal(expected, CertificateNumbering.Format(kind, year, sequence));
        Assert.True(CertificateNumbering.TryParse(expected.ToLowerInvariant(), out var parsed));
        Assert.Equal(new CertificateNumber(kind, year, sequence), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NMDW-2025")]
    [InlineData("NMXX-2025-0001")]   // unknown prefix
    [InlineData("NMDW-25-0001")]     // two-digit year
    [InlineData("NMDW-2025-001")]    // fewer than four digits
    [InlineData("NMDW-2025-0000")]   // sequence starts at 1
    [InlineData("NMDW-2025-00A1")]
    public void TryParse_NotOfTheScheme_False(string text)
    {
        Assert.False(CertificateNumbering.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_SequenceBelowOne_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumbering.Format(RecognitionKind.DigitalWorkshop, 2025, sequence));
    }

    public static TheoryData<RecognitionKind, int, string[], string> NextCases => new()
    {
        // Demo: NMDW-2025-0001…0003 exist (0002 revoked: never reused).
        { RecognitionKind.DigitalWorkshop, 2025, ["NMDW-2025-0001", "NMDW-2025-0002", "NMDW-2025-0003"], "NMDW-2025-0004" },
        // Per year: a new year starts at 0001.
        { RecognitionKind.DigitalWorkshop, 2026, ["NMDW-2025-0001", "NMDW-2025-0003"], "NMDW-2026-0001" },
        // Per kind: 智能工厂 counts apart from 数字化车间.
        { RecognitionKind.SmartFactory, 2025, ["NMDW-2025-0007", "NMZF-2025-0002"], "NMZF-2025-0003" },
        // A gap is not filled; the highest decides.
        { RecognitionKind.TierBasic, 2026, ["NMJC-2026-0001", "NMJC-2026-0005"], "NMJC-2026-0006" },
        // Numbers of another scheme are ignored.
        { RecognitionKind.TierAdvanced, 2026, ["证书-1", "NMXJ-2026-0001"], "NMXJ-2026-0002" },
        { RecognitionKind.TierLeading, 2026, [], "NMLH-2026-0001" },
    };

    [Theory]
    [MemberData(nameof(NextCases))]
    public void Next_Existing_OneAboveHighestOfKindAndYear(RecognitionKind kind, int year, string[] existing, string expected)
    {
        Assert.Equal(expected, CertificateNumbering.Next(kind, year, existing));
    }

    [Fact]
    public void NextMany_ThreeAfterDemo_Consecutive()
    {
        Assert.Equal(["NMDW-2025-0004", "NMDW-2025-0005", "NMDW-2025-0006"],
            CertificateNumbering.NextMany(RecognitionKind.DigitalWorkshop, 2025, ["NMDW-2025-0003"], 3));
    }
}
