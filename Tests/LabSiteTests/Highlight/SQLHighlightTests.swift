import Testing

@testable import LabSite

/// SQL samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting SQL")
struct SQLHighlightTests {
    static let snippets: [Snippet] = [
        // https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html
        Snippet(
            "sql",
            #"""
            CREATE EXTERNAL TABLE cloudtrail_logs (
            eventversion STRING,
            useridentity STRUCT<
                           type:STRING,
                           arn:STRING>,
            eventtime STRING
            )

            """#,
            [
                .keyword("CREATE"), .keyword("EXTERNAL"), .keyword("TABLE"), .keyword("STRING"), .keyword("STRUCT"),
                .op("<"), .keyword("STRING"), .keyword("STRING"), .op(">"), .keyword("STRING"),
            ]),
        Snippet(
            "sql",
            #"""
            ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
            STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
            OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
            LOCATION 's3://amzn-s3-demo-bucket/AWSLogs/Account_ID/';

            """#,
            [
                .keyword("ROW"), .keyword("FORMAT"), .keyword("SERDE"),
                .string("'org.apache.hive.hcatalog.data.JsonSerDe'"), .keyword("STORED"), .keyword("AS"),
                .keyword("INPUTFORMAT"), .string("'com.amazon.emr.cloudtrail.CloudTrailInputFormat'"),
                .keyword("OUTPUTFORMAT"), .string("'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'"),
                .keyword("LOCATION"), .string("'s3://amzn-s3-demo-bucket/AWSLogs/Account_ID/'"),
            ]),
        Snippet(
            "sql",
            #"""
            PARTITIONED BY (region string, year string, month string, day string)

            """#,
            [
                .keyword("PARTITIONED"), .keyword("BY"), .keyword("string"), .keyword("string"), .keyword("string"),
                .keyword("string"),
            ]),
        Snippet(
            "sql",
            #"""
            ALTER TABLE table_name ADD
               PARTITION (region='us-east-1',
                          year='2019',
                          month='02',
                          day='01')
               LOCATION 's3://amzn-s3-demo-bucket/AWSLogs/Account_ID/CloudTrail/us-east-1/2019/02/01/'

            """#,
            [
                .keyword("ALTER"), .keyword("TABLE"), .keyword("ADD"), .keyword("PARTITION"), .op("="),
                .string("'us-east-1'"), .op("="), .string("'2019'"), .op("="), .string("'02'"), .op("="),
                .string("'01'"), .keyword("LOCATION"),
                .string("'s3://amzn-s3-demo-bucket/AWSLogs/Account_ID/CloudTrail/us-east-1/2019/02/01/'"),
            ]),
        Snippet(
            "sql",
            #"""
            MSCK REPAIR TABLE cloudtrail_logs;

            """#,
            [.keyword("MSCK"), .keyword("REPAIR"), .keyword("TABLE")]),
        // https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html (example queries)
        Snippet(
            "sql",
            #"""
            SELECT useridentity.arn,
                   eventname,
                   sourceipaddress,
                   eventtime
            FROM cloudtrail_logs
            LIMIT 100;

            """#,
            [.keyword("SELECT"), .keyword("FROM"), .keyword("LIMIT"), .number("100")]),
        Snippet(
            "sql",
            #"""
            SELECT eventsource,
                   eventname,
                   count(*) AS total
            FROM cloudtrail_logs
            WHERE eventtime >= '2024-01-01T00:00:00Z'
            GROUP BY eventsource, eventname
            ORDER BY total DESC;

            """#,
            [
                .keyword("SELECT"), .keyword("AS"), .keyword("FROM"), .keyword("WHERE"), .op(">="),
                .string("'2024-01-01T00:00:00Z'"), .keyword("GROUP"), .keyword("BY"), .keyword("ORDER"), .keyword("BY"),
                .keyword("DESC"),
            ],
            html: #"""
                <pre><code class="language-sql"><span class="hl-keyword">SELECT</span> eventsource,
                       eventname,
                       count(*) <span class="hl-keyword">AS</span> total
                <span class="hl-keyword">FROM</span> cloudtrail_logs
                <span class="hl-keyword">WHERE</span> eventtime <span class="hl-operator">&gt;=</span> <span class="hl-string">&#39;2024-01-01T00:00:00Z&#39;</span>
                <span class="hl-keyword">GROUP</span> <span class="hl-keyword">BY</span> eventsource, eventname
                <span class="hl-keyword">ORDER</span> <span class="hl-keyword">BY</span> total <span class="hl-keyword">DESC</span>;
                </code></pre>
                """#),
        Snippet(
            "sql",
            #"""
            SELECT *
            FROM cloudtrail_logs
            WHERE eventname = 'ConsoleLogin'
              AND json_extract_scalar(additionaleventdata, '$.MFAUsed') = 'No';

            """#,
            [
                .keyword("SELECT"), .keyword("FROM"), .keyword("WHERE"), .op("="), .string("'ConsoleLogin'"),
                .keyword("AND"), .string("'$.MFAUsed'"), .op("="), .string("'No'"),
            ]),
        Snippet(
            "sql",
            #"""
            SELECT useridentity.username, count(*) FROM cloudtrail_logs
            WHERE errorcode IS NOT NULL
            GROUP BY 1 HAVING count(*) > 10;

            """#,
            [
                .keyword("SELECT"), .keyword("FROM"), .keyword("WHERE"), .keyword("IS"), .keyword("NOT"),
                .literal("NULL"), .keyword("GROUP"), .keyword("BY"), .number("1"), .keyword("HAVING"), .op(">"),
                .number("10"),
            ]),
        Snippet(
            "sql",
            #"""
            SELECT DISTINCT eventname FROM cloudtrail_logs WHERE eventname LIKE 'Delete%';

            """#,
            [
                .keyword("SELECT"), .keyword("DISTINCT"), .keyword("FROM"), .keyword("WHERE"), .keyword("LIKE"),
                .string("'Delete%'"),
            ]),
        // https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html
        Snippet(
            "sql",
            #"""
            TBLPROPERTIES (
              'projection.enabled'='true',
              'projection.timestamp.type'='date',
              'projection.timestamp.range'='2020/01/01,NOW'
            )

            """#,
            [
                .keyword("TBLPROPERTIES"), .string("'projection.enabled'"), .op("="), .string("'true'"),
                .string("'projection.timestamp.type'"), .op("="), .string("'date'"),
                .string("'projection.timestamp.range'"), .op("="), .string("'2020/01/01,NOW'"),
            ],
            html: #"""
                <pre><code class="language-sql"><span class="hl-keyword">TBLPROPERTIES</span> (
                  <span class="hl-string">&#39;projection.enabled&#39;</span><span class="hl-operator">=</span><span class="hl-string">&#39;true&#39;</span>,
                  <span class="hl-string">&#39;projection.timestamp.type&#39;</span><span class="hl-operator">=</span><span class="hl-string">&#39;date&#39;</span>,
                  <span class="hl-string">&#39;projection.timestamp.range&#39;</span><span class="hl-operator">=</span><span class="hl-string">&#39;2020/01/01,NOW&#39;</span>
                )
                </code></pre>
                """#),
        // written for these tests: SQL syntax the tokenizer must tell apart
        Snippet(
            "sql",
            #"""
            -- 서울 리전의 콘솔 로그인
            SELECT * FROM cloudtrail_logs WHERE awsregion = 'ap-northeast-2';

            """#,
            [
                .comment("-- 서울 리전의 콘솔 로그인"), .keyword("SELECT"), .keyword("FROM"), .keyword("WHERE"), .op("="),
                .string("'ap-northeast-2'"),
            ]),
        Snippet(
            "sql",
            #"""
            /* block
               comment */ SELECT 1;

            """#,
            [.comment("/* block"), .comment("   comment */"), .keyword("SELECT"), .number("1")],
            html: #"""
                <pre><code class="language-sql"><span class="hl-comment">/* block</span>
                <span class="hl-comment">   comment */</span> <span class="hl-keyword">SELECT</span> <span class="hl-number">1</span>;
                </code></pre>
                """#),
        Snippet(
            "sql",
            #"""
            SELECT "eventName", `eventSource` FROM t WHERE x <> 1 AND y != 2 OR z <= 3.5 AND w >= .5;

            """#,
            [
                .keyword("SELECT"), .variable(#""eventName""#), .variable("`eventSource`"), .keyword("FROM"),
                .keyword("WHERE"), .op("<>"), .number("1"), .keyword("AND"), .op("!="), .number("2"), .keyword("OR"),
                .op("<="), .number("3.5"), .keyword("AND"), .op(">="), .number(".5"),
            ],
            html: #"""
                <pre><code class="language-sql"><span class="hl-keyword">SELECT</span> <span class="hl-variable">&quot;eventName&quot;</span>, <span class="hl-variable">`eventSource`</span> <span class="hl-keyword">FROM</span> t <span class="hl-keyword">WHERE</span> x <span class="hl-operator">&lt;&gt;</span> <span class="hl-number">1</span> <span class="hl-keyword">AND</span> y <span class="hl-operator">!=</span> <span class="hl-number">2</span> <span class="hl-keyword">OR</span> z <span class="hl-operator">&lt;=</span> <span class="hl-number">3.5</span> <span class="hl-keyword">AND</span> w <span class="hl-operator">&gt;=</span> <span class="hl-number">.5</span>;
                </code></pre>
                """#),
        Snippet(
            "sql",
            #"""
            SELECT 'it''s' || 'joined', NULL, TRUE, false;

            """#,
            [
                .keyword("SELECT"), .string("'it''s'"), .op("||"), .string("'joined'"), .literal("NULL"),
                .literal("TRUE"), .literal("false"),
            ],
            html: #"""
                <pre><code class="language-sql"><span class="hl-keyword">SELECT</span> <span class="hl-string">&#39;it&#39;&#39;s&#39;</span> <span class="hl-operator">||</span> <span class="hl-string">&#39;joined&#39;</span>, <span class="hl-literal">NULL</span>, <span class="hl-literal">TRUE</span>, <span class="hl-literal">false</span>;
                </code></pre>
                """#),
        Snippet(
            "sql",
            #"""
            SELECT count(*) FILTER (WHERE readonly = 'false') FROM t;

            """#,
            [.keyword("SELECT"), .keyword("FILTER"), .keyword("WHERE"), .op("="), .string("'false'"), .keyword("FROM")]),
        Snippet(
            "sql",
            #"""
            WITH logins AS (SELECT * FROM t) SELECT * FROM logins;

            """#,
            [
                .keyword("WITH"), .keyword("AS"), .keyword("SELECT"), .keyword("FROM"), .keyword("SELECT"),
                .keyword("FROM"),
            ]),
        Snippet(
            "sql",
            #"""
            SELECT * FROM t WHERE id = ? AND n < 1e6 AND m > 2.5E-3;

            """#,
            [
                .keyword("SELECT"), .keyword("FROM"), .keyword("WHERE"), .op("="), .variable("?"), .keyword("AND"),
                .op("<"), .number("1e6"), .keyword("AND"), .op(">"), .number("2.5E-3"),
            ]),
        Snippet(
            "sql",
            #"""
            SELECT r.name FROM t CROSS JOIN UNNEST(resources) AS r(name, arn);

            """#,
            [
                .keyword("SELECT"), .keyword("FROM"), .keyword("CROSS"), .keyword("JOIN"), .keyword("UNNEST"),
                .keyword("AS"),
            ]),
        Snippet(
            "sql",
            #"""
            INSERT INTO lab_users (name, created) VALUES ('lab-user', current_timestamp);

            """#,
            [.keyword("INSERT"), .keyword("INTO"), .keyword("VALUES"), .string("'lab-user'")]),
        Snippet(
            "sql",
            #"""
            SELECT '<b>&"</b>' AS html, 2fa_events FROM t;

            """#,
            [.keyword("SELECT"), .string(#"'<b>&"</b>'"#), .keyword("AS"), .keyword("FROM")],
            html: #"""
                <pre><code class="language-sql"><span class="hl-keyword">SELECT</span> <span class="hl-string">&#39;&lt;b&gt;&amp;&quot;&lt;/b&gt;&#39;</span> <span class="hl-keyword">AS</span> html, 2fa_events <span class="hl-keyword">FROM</span> t;
                </code></pre>
                """#),
        Snippet(
            "sql",
            #"""
            SELECT CAST(eventtime AS timestamp) BETWEEN date '2024-01-01' AND date '2024-12-31' FROM t;

            """#,
            [
                .keyword("SELECT"), .keyword("CAST"), .keyword("AS"), .keyword("timestamp"), .keyword("BETWEEN"),
                .keyword("date"), .string("'2024-01-01'"), .keyword("AND"), .keyword("date"), .string("'2024-12-31'"),
                .keyword("FROM"),
            ]),
        Snippet(
            "sql",
            #"""
            SELECT 'unterminated
            FROM t;

            """#,
            [.keyword("SELECT"), .string("'unterminated"), .string("FROM t;")]),
        Snippet(
            "sql",
            #"""
            CASE WHEN errorcode IS NULL THEN 'ok' ELSE 'error' END

            """#,
            [
                .keyword("CASE"), .keyword("WHEN"), .keyword("IS"), .literal("NULL"), .keyword("THEN"), .string("'ok'"),
                .keyword("ELSE"), .string("'error'"), .keyword("END"),
            ]),
    ]

    @Test("each sample's tokens", arguments: snippets)
    func tokens(_ snippet: Snippet) {
        #expect(snippet.foundTokens == snippet.tokens)
    }

    @Test("the exact HTML of some samples", arguments: snippets.filter { $0.expectedHTML != nil })
    func html(_ snippet: Snippet) {
        #expect(snippet.html == snippet.expectedHTML)
    }
}
