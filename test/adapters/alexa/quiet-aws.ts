/** Imported before virtual-alexa: aws-sdk v2 (its dependency) reads this when it loads. */
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
