using Chikaya.Web.Data;
using Chikaya.Web.Data.Seeding;
using Chikaya.Web.Features;
using Chikaya.Web.Features.Audit;
using Chikaya.Web.Features.Chat;
using Chikaya.Web.Features.LegacyImport;
using Chikaya.Web.Features.Open311;
using Chikaya.Web.Features.Portal.Language;
using Chikaya.Web.Features.Portal.Stats;
using Chikaya.Web.Infrastructure;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;
using Chikaya.Web.Infrastructure.Telemetry;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);

builder.Services.AddChikayaDatabase(builder.Configuration);
builder.Services.AddChikayaLocalization();
builder.Services.AddChikayaSecurity(builder.Configuration);
builder.Services.AddChikayaRateLimits(builder.Configuration);
builder.Services.AddChikayaWeb();
builder.Services.AddChikayaFeatures(builder.Configuration);
builder.Services.AddChikayaSeeding();
builder.Services.AddChikayaTelemetry(builder.Configuration);

builder.WebHost.UseChikayaSockets(builder.Configuration);

var app = builder.Build();

app.UseChikayaErrors();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapChikayaApi();
app.MapLanguageSwitch();
app.MapOpenData();
app.MapOpen311();
app.MapChatChannels();
app.MapRazorPages();
app.MapChikayaHealth();
app.MapOpenApi();

await app.Services.InitializeDatabaseAsync();
if (args.Contains("verify-audit")) return await AuditVerifier.RunAsync(app.Services);
if (LegacyCommands.Handles(args)) return await LegacyCommands.RunAsync(app.Services, args);
if (args.Contains("backup")) return await DatabaseBackup.RunAsync(app.Services, args);
app.PrintWelcomeOnStart();
app.Run();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
