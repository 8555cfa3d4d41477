using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// The service: <c>POST /predict</c>, <c>GET /healthz</c> and <c>GET /model</c> over one <see cref="ServedModel"/>.
/// Addresses come from ASP.NET Core's usual settings (<c>ASPNETCORE_URLS</c>, <c>--urls</c>; default
/// <c>http://localhost:5000</c>); the model from <c>--model PATH</c> or <c>Scoring:Checkpoint</c>, see <see cref="ScoringOptions"/>.
/// </summary>
public static class ScoringApp
{
    private static readonly JsonSerializerOptions DescriptionJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--model"] = "Scoring:Checkpoint",
        ["--preprocessing"] = "Scoring:Preprocessing",
        ["--backend"] = "Scoring:Backend",
        ["--onnx"] = "Scoring:OnnxModel",
    };

    /// <summary>Builds the application (loading or training the model) without starting it.</summary>
    /// <exception cref="ScoringStartupException">The model could not be loaded.</exception>
    public static WebApplication Create(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        ScoringOptions options = builder.Configuration.GetSection(ScoringOptions.Section).Get<ScoringOptions>() ?? new ScoringOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });

        WebApplication app = builder.Build();
        ServedModel model = ServedModel.Load(options, app.Logger, () => new DemoPle());
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Scoring service listening on {Urls}: POST /predict, GET /healthz, GET /model", string.Join(", ", app.Urls)));

        app.MapPost("/predict", context => Predict(context, model));
        app.MapGet("/healthz", context => context.Response.WriteAsJsonAsync(new { status = "ok", model = model.Backend.Schema.ModelName, backend = model.Backend.Name }));
        object description = model.Describe();
        app.MapGet("/model", context => context.Response.WriteAsJsonAsync(description, DescriptionJson));
        return app;
    }

    private static async Task Predict(HttpContext context, ServedModel model)
    {
        TaskScores scores;
        FeatureBatch batch;
        try
        {
            using JsonDocument body = await ReadBody(context, model.Options);
            batch = model.Reader.Read(body.RootElement);
            try
            {
                scores = model.Backend.Score(batch);
            }
            catch (ArgumentException e)
            {
                // The generated Batch checks shapes and ids once more; the reader's checks make this unreachable.
                throw new ScoringRequestException("rows", e.Message);
            }
        }
        catch (ScoringRequestException e)
        {
            context.Response.StatusCode = e.Status;
            await context.Response.WriteAsJsonAsync(new { error = e.Message, field = e.Field });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        WritePredictions(context.Response, model.Backend.Schema, batch.RowCount, scores);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static async Task<JsonDocument> ReadBody(HttpContext context, ScoringOptions options)
    {
        string? type = context.Request.ContentType;
        if (type is null || !(type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ScoringRequestException("$", $"Expected a JSON body (Content-Type: application/json), got {(type is null ? "no Content-Type" : "'" + type + "'")}.", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, context.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new ScoringRequestException("$", $"Malformed JSON: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ScoringRequestException("$", $"The body is larger than {options.MaxRequestBytes} bytes (Scoring:MaxRequestBytes); send fewer rows per request.", StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static void WritePredictions(HttpResponse response, ModelSchema schema, int rows, TaskScores scores)
    {
        using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartArray("predictions");
        for (int r = 0; r < rows; r++)
        {
            writer.WriteStartObject();
            for (int t = 0; t < schema.Tasks.Count; t++)
            {
                writer.WriteStartObject(schema.Tasks[t].Name);
                if (scores.Probabilities[t] is { } probability)
                {
                    writer.WriteNumber("probability", probability[r]);
                    writer.WriteNumber("logit", scores.Values[t][r]);
                }
                else
                {
                    writer.WriteNumber("value", scores.Values[t][r]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
