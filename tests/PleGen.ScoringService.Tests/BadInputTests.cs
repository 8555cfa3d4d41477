using System.Text;

namespace PleGen.ScoringService.Tests;

/// <summary>Every refusal is a 400 (413, 415) with the field at fault and what was expected, never a 500.</summary>
[Collection(ServiceCollection.Name)]
public sealed class BadInputTests(ServiceFixture service)
{
    private static readonly string Good = new RawRow(40, 24, 5, 30f, "Lyon", "phone").Json();
    private static readonly string GoodEncoded = new EncodedRow([0.1f, -0.2f, 0.3f], 0.5f, 3, 1).Json();

    private HttpClient Raw => service.Raw.Client;

    private HttpClient Encoded => service.Encoded.Client;

    [Fact]
    public async Task A_missing_feature_is_named_with_what_it_must_hold()
    {
        (string field, string error) = await Scoring.Refused(Raw, Scoring.Rows([Good, "{\"profile\":[1,2,3],\"price\":4,\"device\":\"phone\"}"]));
        Assert.Equal("rows[1].city", field);
        Assert.Contains("Missing feature 'city'", error);
        Assert.Contains("a string category of column 'city'", error);
    }

    [Theory]
    [InlineData("[1,2]", "got an array of 2")]
    [InlineData("[1,2,3,4]", "got an array of 4")]
    [InlineData("7", "got the number 7")]
    public async Task A_dense_feature_of_the_wrong_width_is_refused(string profile, string got)
    {
        (string field, string error) = await Scoring.Refused(Encoded, Scoring.Rows([$"{{\"profile\":{profile},\"price\":1,\"city\":1,\"device\":1}}"]));
        Assert.Equal("rows[0].profile", field);
        Assert.Contains("an array of 3 numbers", error);
        Assert.Contains(got, error);
    }

    [Theory]
    [InlineData("city", "10", "Id 10 of categorical feature 'city' is out of range: expected an integer id in [0, 10)")]
    [InlineData("city", "-1", "Id -1 of categorical feature 'city' is out of range")]
    [InlineData("device", "4", "expected an integer id in [0, 4)")]
    [InlineData("device", "99999999999999999999", "Expected an integer id in [0, 4), got 99999999999999999999")]
    [InlineData("city", "1.5", "Expected an integer id in [0, 10), got 1.5")]
    public async Task A_categorical_id_out_of_range_or_not_an_integer_is_refused(string feature, string id, string expected)
    {
        string row = GoodEncoded.Replace($"\"{feature}\":{(feature == "city" ? 3 : 1)}", $"\"{feature}\":{id}");
        (string field, string error) = await Scoring.Refused(Encoded, Scoring.Rows([GoodEncoded, row]));
        Assert.Equal($"rows[1].{feature}", field);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("{\"profile\":\"1,2,3\",\"price\":1,\"city\":\"Lyon\",\"device\":\"phone\"}", "rows[0].profile", "Expected an array of 3 numbers, got the string \"1,2,3\"")]
    [InlineData("{\"profile\":[1,\"2\",3],\"price\":1,\"city\":\"Lyon\",\"device\":\"phone\"}", "rows[0].profile[1]", "Expected a number, got the string \"2\"")]
    [InlineData("{\"profile\":[1,2,3],\"price\":null,\"city\":\"Lyon\",\"device\":\"phone\"}", "rows[0].price", "Expected a number, got null")]
    [InlineData("{\"profile\":[1,2,3],\"price\":1,\"city\":3,\"device\":\"phone\"}", "rows[0].city", "Expected a string category of column 'city'")]
    [InlineData("{\"profile\":[1,2,3],\"price\":1e39,\"city\":\"Lyon\",\"device\":\"phone\"}", "rows[0].price", "1e39 is outside the range of a 32-bit float")]
    [InlineData("{\"profile\":[1,2,3],\"price\":1,\"city\":\"Lyon\",\"device\":\"phone\",\"colour\":\"red\"}", "rows[0].colour", "Unknown feature 'colour'; the model reads profile, price, city, device")]
    [InlineData("{\"profile\":[1,2,3],\"price\":1,\"price\":2,\"city\":\"Lyon\",\"device\":\"phone\"}", "rows[0].price", "appears twice")]
    [InlineData("[1,2,3]", "rows[0]", "Expected an object with the features profile, price, city, device, got an array")]
    public async Task A_field_of_the_wrong_JSON_type_is_refused(string row, string expectedField, string expected)
    {
        (string field, string error) = await Scoring.Refused(Raw, Scoring.Rows([row]));
        Assert.Equal(expectedField, field);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task A_categorical_id_where_the_model_expects_strings_and_a_string_where_it_expects_ids_are_refused()
    {
        (string field, string error) = await Scoring.Refused(Encoded, Scoring.Rows([GoodEncoded.Replace("\"city\":3", "\"city\":\"Lyon\"")]));
        Assert.Equal("rows[0].city", field);
        Assert.Contains("Expected an integer id in [0, 10), got the string \"Lyon\"", error);
    }

    [Theory]
    [InlineData("{\"rows\":[", "Malformed JSON")]
    [InlineData("{rows:[]}", "Malformed JSON")]
    [InlineData("", "Malformed JSON")]
    [InlineData("[{\"profile\":[1,2,3]},]", "Malformed JSON")]
    public async Task Malformed_JSON_is_refused(string body, string expected)
    {
        (string field, string error) = await Scoring.Refused(Raw, body);
        Assert.Equal("$", field);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("{\"rows\":[]}", "rows", "The batch is empty")]
    [InlineData("[]", "rows", "The batch is empty")]
    [InlineData("{\"rows\":{}}", "rows", "Expected an array of rows, got an object")]
    [InlineData("{\"row\":[]}", "$", "Expected an object with one field, \"rows\"")]
    [InlineData("\"hello\"", "rows", "Expected an array of rows, got the string \"hello\"")]
    public async Task An_empty_batch_or_a_body_of_another_shape_is_refused(string body, string expectedField, string expected)
    {
        (string field, string error) = await Scoring.Refused(Raw, body);
        Assert.Equal(expectedField, field);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_refused_and_the_limit_itself_is_served()
    {
        (string field, string error) = await Scoring.Refused(Raw, Scoring.Rows(Enumerable.Repeat(Good, ServiceFixture.MaxRows + 1)));
        Assert.Equal("rows", field);
        Assert.Contains($"{ServiceFixture.MaxRows + 1} rows is more than the {ServiceFixture.MaxRows}", error);
        Assert.Equal(ServiceFixture.MaxRows, (await Scoring.Predict(Raw, Scoring.Rows(Enumerable.Repeat(Good, ServiceFixture.MaxRows)))).Length);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_a_413_with_or_without_a_length()
    {
        string body = Scoring.Rows([Good]) + new string(' ', ServiceFixture.MaxRequestBytes);
        (string field, string error) = await Scoring.Refused(Raw, body, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("$", field);
        Assert.Contains($"larger than {ServiceFixture.MaxRequestBytes} bytes", error);

        // Chunked: no Content-Length, so the limit trips while reading.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await Raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Scoring:MaxRequestBytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_JSON_gets_a_415()
    {
        (string field, string error) = await Scoring.Refused(Raw, Scoring.Rows([Good]), HttpStatusCode.UnsupportedMediaType, "text/plain");
        Assert.Equal("$", field);
        Assert.Contains("Content-Type: application/json", error);
    }
}
