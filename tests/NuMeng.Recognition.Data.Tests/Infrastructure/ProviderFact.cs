using Xunit.Abstractions;
using Xunit.Sdk;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>
/// Marks a test class that needs the PostgreSQL server the tests start themselves. Its <see cref="ProviderFactAttribute"/>
/// and <see cref="ProviderTheoryAttribute"/> tests are skipped (with the reason) when PostgreSQL is not installed — except
/// with CI=true, where they run and fail: CI must prove the PostgreSQL path.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>A fact that runs once per database provider class (skipped for PostgreSQL when it is not installed).</summary>
[XunitTestCaseDiscoverer("NuMeng.Recognition.Data.Tests.Infrastructure.ProviderFactDiscoverer", "NuMeng.Recognition.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory that runs once per database provider class (skipped for PostgreSQL when it is not installed).</summary>
[XunitTestCaseDiscoverer("NuMeng.Recognition.Data.Tests.Infrastructure.ProviderTheoryDiscoverer", "NuMeng.Recognition.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

internal static class ProviderSkip
{
    public static string? ReasonFor(ITestMethod testMethod)
    {
        var needsPostgres = testMethod.TestClass.Class
            .GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName!)
            .Any();
        return needsPostgres ? PostgresServer.SkipReason : null;
    }
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var reason = ProviderSkip.ReasonFor(testMethod);
        return reason is null
            ? base.Discover(discoveryOptions, testMethod, factAttribute)
            : [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
    }
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var reason = ProviderSkip.ReasonFor(testMethod);
        return reason is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
    }
}

/// <summary>A test case reported as skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    [Obsolete("Called by the de-serializer only")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod)
    {
        _reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }
}
