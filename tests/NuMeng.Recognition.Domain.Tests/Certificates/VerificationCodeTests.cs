using NuMeng.Recognition.Domain.Certificates;

namespace NuMeng.Recognition.Domain.Tests.Certificates;

/// <summary>Verification codes: unambiguous alphabet (no 0/O, 1/I/L), ten random characters, one check character mod 31.</summary>
public class VerificationCodeTests
{
    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 }, "22222222222")]   // value 0: first letter everywhere, check Σ0 = '2'
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 }, "2222222223C")]   // value 1 in the last place: check 10·1 mod 31 = 10 → 'C'
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 31 }, "2222222232B")]  // 31 = "32" in base 31: check 9·1 mod 31 = 9 → 'B'
    public void Create_KnownBytes_KnownCode(byte[] random, string expected)
    {
        Assert.Equal(expected, VerificationCode.Create(random));
        Assert.Equal(VerificationCodeShape.Valid, VerificationCode.Check(expected));
    }

    [Fact]
    public void CheckCharacter_WeightedSumMod31_MatchesByHand()
    {
        // "2222222223": values 0,…,0,1 with weights 1…10 → 10 mod 31 = 10 → 'C' (Alphabet = 23456789ABC…).
        Assert.Equal('C', VerificationCode.CheckCharacter("2222222223"));
        // "3222222222": value 1 at weight 1 → '3'.
        Assert.Equal('3', VerificationCode.CheckCharacter("3222222222"));
    }

    [Fact]
    public void Create_ManyRandomCodes_OnlyUnambiguousCharacters()
    {
        var random = new Random(20261122);
        var bytes = new byte[16];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(bytes);
            var code = VerificationCode.Create(bytes);
            Assert.DoesNotContain(code, c => "01OIL".Contains(c, StringComparison.Ordinal));
            Assert.Equal(VerificationCodeShape.Valid, VerificationCode.Check(code));
        }
    }

    [Fact]
    public void Create_SevenBytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => VerificationCode.Create(new byte[7]));
    }

    [Fact]
    public void Check_EverySingleTypoAndEveryAdjacentSwap_Caught()
    {
        var code = VerificationCode.Create([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        for (var i = 0; i < VerificationCode.Length; i++)
        {
            foreach (var c in VerificationCode.Alphabet.Where(c => c != code[i]))
            {
                var typo = code[..i] + c + code[(i + 1)..];
                Assert.Equal(VerificationCodeShape.CheckFailed, VerificationCode.Check(typo));
            }
        }
        for (var i = 0; i < VerificationCode.DataLength - 1; i++)
        {
            if (code[i] == code[i + 1])
            {
                continue;
            }
            var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
            Assert.Equal(VerificationCodeShape.CheckFailed, VerificationCode.Check(swapped));
        }
    }

    [Theory]
    [InlineData("", VerificationCodeShape.Empty)]
    [InlineData("  - ", VerificationCodeShape.Empty)]
    [InlineData("2222-2222-223", VerificationCodeShape.CheckFailed)]   // check should be 'C'
    [InlineData("2222-2222-23C", VerificationCodeShape.Valid)]          // grouped, as printed
    [InlineData("2222 2222 23c", VerificationCodeShape.Valid)]          // blanks and lower case
    [InlineData("2222222223", VerificationCodeShape.Foreign)]           // one short
    [InlineData("22222222230C", VerificationCodeShape.Foreign)]         // one long
    [InlineData("O222222223C", VerificationCodeShape.Foreign)]          // O is not in the alphabet
    [InlineData("5C0F35A7B1E2", VerificationCodeShape.Foreign)]         // the demo's older hex codes: the database decides
    public void Check_Typed_Shape(string typed, VerificationCodeShape expected)
    {
        Assert.Equal(expected, VerificationCode.Check(typed));
    }

    [Theory]
    [InlineData("222222222 3C", "2222-2222-23C")]
    [InlineData("5C0F35A7B1E2", "5C0F35A7B1E2")]
    public void Display_Code_GroupsOfFour(string code, string expected)
    {
        Assert.Equal(expected, VerificationCode.Display(VerificationCode.Normalize(code)));
    }
}
