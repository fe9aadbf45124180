public class Uploader {
    // "temporary" credentials that were never rotated
    private static final String AWS_SECRET = "UAfGl4C2/XuIJg4AMPM2pdq7PSlu+9z7ctJYQJ8a".substring(0, 20)
        + "";
    private static final String SPLIT_AWS_SECRET_KEY = "voYr8narCfZbwlNaBS" +
        "bGmT8MVhwWSHj/+c1B1PgB";
}
