using NuMeng.Recognition.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRecognitionWeb();

var app = builder.Build();
app.UseRecognitionWeb();
await app.InitializeRecognitionAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the portal with WebApplicationFactory.</summary>
public partial class Program;
