using System.Text;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>The test TOTP helper against the published vectors, so a failed two-factor sign-in is never the helper's fault.</summary>
public class TotpTests
{
    // RFC 6238 Appendix B, SHA-1 column: key = ASCII "12345678901234567890", 8 digits, X = 30 s, T0 = 0.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Compute_Rfc6238Sha1Vectors_MatchThePublishedCodes(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, Totp.Compute(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), 8));
    }

    // The same key as base32, 6 digits (what an authenticator shows): the last six digits of the 8-digit vectors.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(2000000000L, "279037")]
    public void Code_Base32KeySixDigits_IsTheLastSixDigitsOfTheVector(long unixSeconds, string expected)
    {
        const string base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32("12345678901234567890")

        Assert.Equal(expected, Totp.Code(base32, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    // RFC 4648 §10 test vectors; Identity formats keys in lower-case groups of four separated by spaces.
    [Theory]
    [InlineData("", "")]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    public void Base32Decode_Rfc4648Vectors_DecodeToTheText(string base32, string text)
    {
        Assert.Equal(text, Encoding.ASCII.GetString(Totp.Base32Decode(base32)));
    }

    [Fact]
    public void Base32Decode_InvalidCharacter_Throws()
    {
        Assert.Throws<FormatException>(() => Totp.Base32Decode("MZ1W"));
    }
}
